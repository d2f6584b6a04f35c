/** The submit-for-signature (trình ký) procedures and the document register. */
import type { DocumentView, documentsApi, signingApi } from '../../../src-shared/api/documents';
import type { signingSettingsApi } from '../../../src-shared/api/signingSettings';
import type { HandlersFor } from '../handlers';
import { currentUser, writeNamingTarget } from '../context';
import type { Store } from '../../store/open';
import { t } from '../../../src-shared/i18n';
import { getProfile } from '../school/service';
import { tableJob } from '../records/exporter';
import { formatIsoDateVn, todayIso } from '../../../src-shared/domain/dates';
import { listTokenViews, startSigning, verifyFile } from './signing';
import { configuredTokenModule, signingSettingsHandlers } from './signingSettings';
import { cancelRemoteSigning, finishRemoteSigning, prepareRemoteSigning } from './remoteSigning';
import { getDocument, listDocuments, registerRows, returnDocument, submitDocument, withdrawDocument } from './service';
import { addIncoming, checkReceivedFile, listIncoming, updateIncoming, updateOutgoing } from './registers';
import { formatIsoDateVn as vnDate } from '../../../src-shared/domain/dates';

export const documentsHandlers: HandlersFor<typeof documentsApi & typeof signingApi & typeof signingSettingsApi> = {
  ...signingSettingsHandlers,

  'documents.submit': (ctx, input) => {
    return ctx.app.store.transaction(() => {
      const view = submitDocument(ctx.app.store, currentUser(ctx), input);
      ctx.audit.target = `document:${view.id}`;
      ctx.audit.details = { title: view.title, kind: view.kind, fileId: view.file.id };
      return view;
    });
  },

  'documents.list': (ctx, filter) => listDocuments(ctx.app.store, currentUser(ctx), filter),

  'documents.get': (ctx, { id }) => getDocument(ctx.app.store, currentUser(ctx), id),

  'documents.withdraw': (ctx, { id, version }) => {
    ctx.audit.target = `document:${id}`;
    return withdrawDocument(ctx.app.store, currentUser(ctx), ctx.locale, id, version);
  },

  'documents.return': (ctx, { id, version, reason }) => {
    ctx.audit.target = `document:${id}`;
    return returnDocument(ctx.app.store, currentUser(ctx), ctx.locale, id, version, reason);
  },

  'documents.register': (ctx, filter) => ({ rows: registerRows(ctx.app.store, filter) }),

  'documents.register.export': (ctx, filter) => {
    const { app, locale } = ctx;
    return tableJob(app, currentUser(ctx), locale, 'documents.register', () => {
      const rows = [...registerRows(app.store, filter)].reverse();
      return {
        title: t(locale, 'documents.register.title'),
        subtitle: registerSubtitle(app.store, filter.year),
        sheetName: t(locale, 'documents.register.sheet'),
        name: `so-van-ban-di${filter.year === undefined ? '' : `-${filter.year}`}.xlsx`,
        // The columns of NĐ 30/2020 Phụ lục IV's "Sổ đăng ký văn bản đi", then the file the app keeps.
        columns: [
          { header: 'Số, ký hiệu văn bản', key: 'number', width: 18 },
          { header: 'Ngày tháng văn bản', key: 'date', width: 12 },
          { header: 'Tên loại và trích yếu nội dung văn bản', key: 'title', width: 50 },
          { header: 'Người ký', key: 'signer', width: 24 },
          { header: 'Nơi nhận văn bản', key: 'recipients', width: 30 },
          { header: 'Đơn vị, người nhận bản lưu', key: 'keeper', width: 22 },
          { header: 'Số lượng bản', key: 'copies', width: 10 },
          { header: 'Ghi chú', key: 'note', width: 24 },
          { header: 'Tệp đã ký', key: 'file', width: 30 },
        ],
        rows: rows.map((d) => ({
          number: outgoingNumber(d),
          date: d.decidedAt ? formatIsoDateVn(todayIso(new Date(d.decidedAt))) : '',
          title: [t(locale, `documents.kind.${d.kind}`), d.summary ? `${d.title} — ${d.summary}` : d.title].join(': '),
          signer: d.signerName,
          recipients: d.recipients,
          keeper: d.submittedBy.fullName,
          copies: d.copies ?? '',
          note: d.registerNote,
          file: d.signedFile?.name ?? d.file.name,
        })),
      };
    });
  },

  'documents.outgoing.update': (ctx, input) => {
    ctx.audit.target = `document:${input.id}`;
    return ctx.app.store.transaction(() => updateOutgoing(ctx.app.store, input));
  },

  'documents.incoming.list': (ctx, filter) => ({ rows: listIncoming(ctx.app.store, filter) }),

  'documents.incoming.add': async (ctx, { fileId, ...fields }) => {
    const user = currentUser(ctx);
    const signature = fileId === undefined ? null : await checkReceivedFile(ctx.app, user, fileId);
    return writeNamingTarget(
      ctx,
      () => {
        const view = addIncoming(ctx.app.store, user, { ...fields, fileId }, signature);
        ctx.audit.details = { number: `${view.number}/${view.year}`, sender: view.sender, fileId: fileId ?? null };
        return view;
      },
      (view) => `incoming:${view.id}`,
    );
  },

  'documents.incoming.update': (ctx, input) => {
    ctx.audit.target = `incoming:${input.id}`;
    return ctx.app.store.transaction(() => {
      const view = updateIncoming(ctx.app.store, input);
      ctx.audit.details = { number: `${view.number}/${view.year}`, sender: view.sender };
      return view;
    });
  },

  'documents.incoming.export': (ctx, filter) => {
    const { app, locale } = ctx;
    return tableJob(app, currentUser(ctx), locale, 'documents.incoming', () => {
      const rows = [...listIncoming(app.store, filter)].reverse();
      return {
        title: t(locale, 'documents.incoming.title'),
        subtitle: registerSubtitle(app.store, filter.year),
        sheetName: t(locale, 'documents.incoming.sheet'),
        name: `so-van-ban-den${filter.year === undefined ? '' : `-${filter.year}`}.xlsx`,
        // The columns of NĐ 30/2020 Phụ lục IV's "Sổ đăng ký văn bản đến".
        columns: [
          { header: 'Ngày đến', key: 'receivedOn', width: 12 },
          { header: 'Số đến', key: 'number', width: 10 },
          { header: 'Tác giả', key: 'sender', width: 28 },
          { header: 'Số, ký hiệu', key: 'reference', width: 18 },
          { header: 'Ngày tháng', key: 'documentDate', width: 12 },
          { header: 'Tên loại và trích yếu nội dung', key: 'summary', width: 50 },
          { header: 'Đơn vị hoặc người nhận', key: 'recipient', width: 24 },
          { header: 'Ký nhận', key: 'receipt', width: 14 },
          { header: 'Ghi chú', key: 'note', width: 30 },
        ],
        rows: rows.map((r) => ({
          receivedOn: vnDate(r.receivedOn),
          number: r.number,
          sender: r.sender,
          reference: r.reference,
          documentDate: r.documentDate ? vnDate(r.documentDate) : '',
          summary: `${r.kind}: ${r.summary}`,
          recipient: r.recipient,
          receipt: '',
          note: [r.note, r.signature ? r.signature.verdict : ''].filter(Boolean).join('. '),
        })),
      };
    });
  },

  'signing.tokens': (ctx, { modulePath }) => listTokenViews(modulePath, configuredTokenModule(ctx.app.store)),

  'documents.sign': (ctx, { ids, ...choice }) => {
    ctx.audit.target = ids.length === 1 ? `document:${ids[0]}` : 'documents';
    ctx.audit.details = { ids, tokenSerial: choice.tokenSerial, certSerial: choice.certSerial };
    return startSigning(ctx.app, currentUser(ctx), ctx.locale, { ids, ...choice });
  },

  'documents.remoteSign.prepare': (ctx, { certificate, chain, ...rest }) =>
    prepareRemoteSigning(ctx.app, currentUser(ctx), ctx.locale, {
      ...rest,
      certificate: Buffer.from(certificate, 'base64'),
      chain: chain.map((c) => Buffer.from(c, 'base64')),
    }),

  'documents.remoteSign.finish': async (ctx, { batchId, signatures, failed }) => {
    return finishRemoteSigning(
      ctx.app,
      currentUser(ctx),
      ctx.locale,
      {
        batchId,
        signatures: signatures.map((s) => ({ id: s.id, signature: Buffer.from(s.signature, 'base64') })),
        failed,
      },
      (result) => {
        const ids = [...result.signed, ...result.failed].map((d) => d.id);
        ctx.audit.target = ids.length === 1 ? `document:${ids[0]}` : 'documents';
        ctx.audit.details = {
          batchId,
          signed: result.signed.map((d) => d.id),
          failed: result.failed.map((d) => d.id),
        };
      },
    );
  },

  'documents.remoteSign.cancel': (ctx, { batchId }) => {
    cancelRemoteSigning(ctx.app, currentUser(ctx), batchId);
    return null;
  },

  'signing.verify': (ctx, { fileId, signatureFileId }) =>
    verifyFile(ctx.app.store, ctx.app, currentUser(ctx), fileId, signatureFileId),
};

/** "12/QĐ-THKĐ": the register number and the ký hiệu, as NĐ 30/2020 writes them. */
function outgoingNumber(d: DocumentView): string {
  const no = d.registerNumber?.split('/')[0] ?? '';
  return d.symbol ? `${no}/${d.symbol}` : no;
}

function registerSubtitle(store: Store, year: number | undefined): string {
  const school = getProfile(store).name;
  return year === undefined ? school : `${school} — Năm ${year}`;
}
