/** The submit-for-signature (trình ký) procedures and the document register. */
import type { documentsApi, signingApi } from '../../../src-shared/api/documents';
import type { signingSettingsApi } from '../../../src-shared/api/signingSettings';
import type { HandlersFor } from '../handlers';
import { currentUser } from '../context';
import { t } from '../../../src-shared/i18n';
import { getProfile } from '../school/service';
import { tableJob } from '../records/exporter';
import { formatIsoDateVn, todayIso } from '../../../src-shared/domain/dates';
import { listTokenViews, startSigning, verifyFile } from './signing';
import { signingSettingsHandlers } from './signingSettings';
import { cancelRemoteSigning, finishRemoteSigning, prepareRemoteSigning } from './remoteSigning';
import { getDocument, listDocuments, registerRows, returnDocument, submitDocument, withdrawDocument } from './service';

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
      const rows = registerRows(app.store, filter);
      return {
        title: t(locale, 'documents.register.title'),
        subtitle:
          filter.year === undefined ? getProfile(app.store).name : `${getProfile(app.store).name} — ${filter.year}`,
        sheetName: t(locale, 'documents.register.sheet'),
        name: `so-van-ban${filter.year === undefined ? '' : `-${filter.year}`}.xlsx`,
        columns: [
          { header: 'Số', key: 'number', width: 10 },
          { header: 'Ngày ký', key: 'date', width: 12 },
          { header: 'Loại', key: 'kind', width: 14 },
          { header: 'Trích yếu', key: 'title', width: 50 },
          { header: 'Người ký', key: 'signer', width: 24 },
          { header: 'Người trình', key: 'submitter', width: 24 },
          { header: 'Tệp', key: 'file', width: 30 },
        ],
        rows: rows.map((d) => ({
          number: d.registerNumber,
          date: d.decidedAt ? formatIsoDateVn(todayIso(new Date(d.decidedAt))) : '',
          kind: t(locale, `documents.kind.${d.kind}`),
          title: d.summary ? `${d.title} — ${d.summary}` : d.title,
          signer: d.signerName,
          submitter: d.submittedBy.fullName,
          file: d.signedFile?.name ?? d.file.name,
        })),
      };
    });
  },

  'signing.tokens': (_ctx, { modulePath }) => listTokenViews(modulePath),

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
