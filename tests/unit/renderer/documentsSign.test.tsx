/**
 * The signing dialog and the verdict view on their own, with the procedures' answers given by the test
 * (the signing handlers are tested against real SoftHSM tokens on the server side): the PIN rules of
 * the token's counters (orange warning, red with an explicit tick on the final try, blocked when locked),
 * certificates that cannot sign, the empty state and the module path, the PIN sent once and cleared,
 * the job's signed and failed lists; and the signature check's verdict colours and details.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { StyleProvider } from '@ant-design/cssinjs';
import type { ReactNode } from 'react';
import { setupUser } from './support/renderApp';
import { ProcedureClient } from '../../../src-renderer/api/client';
import { ClientProvider } from '../../../src-renderer/lib/ClientContext';
import { LocaleProvider } from '../../../src-renderer/i18n/LocaleContext';
import { SignDialog } from '../../../src-renderer/office/documents/sign/SignDialog';
import { pinLevel, pinRefusal } from '../../../src-renderer/office/documents/sign/pinGuard';
import { VerifyResultView, type VerifyResult } from '../../../src-renderer/office/documents/verify/VerifyResultView';
import type { Api, ProcedureName } from '../../../src-shared/api';
import type { InputOf, OutputOf } from '../../../src-shared/api/procedure';
import type { Result } from '../../../src-shared/api/envelope';
import type { CertificateView, DocumentView, SignResult, TokenView } from '../../../src-shared/api/documents';
import type { JobView } from '../../../src-shared/api/jobs';
import type { DesktopBridge } from '../../../src-shared/api/bridge';

type Answer = (input: unknown) => Result<unknown>;

/** A client whose procedures answer what the test says, and which records what it was asked. */
class ScriptedClient extends ProcedureClient {
  readonly calls: { name: string; input: unknown }[] = [];
  constructor(private readonly answers: Partial<Record<ProcedureName, Answer>>) {
    super('http://127.0.0.1:9', null);
  }
  override async call<K extends ProcedureName>(name: K, input: InputOf<Api[K]>): Promise<Result<OutputOf<Api[K]>>> {
    this.calls.push({ name, input });
    const answer = this.answers[name];
    return (
      answer ? answer(input) : { ok: false, error: { code: 'internal', message: `no answer for ${name}` } }
    ) as Result<OutputOf<Api[K]>>;
  }
  named(name: ProcedureName): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input);
  }
  readonly uploads: string[] = [];
  override async upload(_file: Blob, name: string) {
    this.uploads.push(name);
    return { ok: true as const, value: { id: 55, name, size: 68, sha256: '' } };
  }
}

function renderWith(client: ProcedureClient, ui: ReactNode) {
  return render(
    <StyleProvider mock="server">
      <ClientProvider client={client}>
        <LocaleProvider>{ui}</LocaleProvider>
      </ClientProvider>
    </StyleProvider>,
  );
}

const NOW = Date.now();

function certificate(serial: string, holder: string, problem: string | null = null): CertificateView {
  return {
    serial,
    holder,
    organisation: 'Trường Tiểu học Kim Đồng',
    issuer: 'VNPT Certification Authority',
    validFrom: '2025-01-10T03:00:00.000Z',
    // 01/07/2030 in the school's time zone.
    validTo: '2030-06-30T17:30:00.000Z',
    keyType: 'RSA',
    problem,
  };
}

function token(flags: Partial<Pick<TokenView, 'pinLow' | 'pinFinalTry' | 'pinLocked'>>, certs: CertificateView[]) {
  return {
    provider: 'VNPT-CA',
    label: 'VNPT-CA Token',
    serial: '0A1B2C3D',
    manufacturer: 'VNPT',
    model: 'SafeNet eToken 5110',
    pinLow: false,
    pinFinalTry: false,
    pinLocked: false,
    ...flags,
    certificates: certs,
  } satisfies TokenView;
}

function doc(id: number, title: string): DocumentView {
  return {
    id,
    title,
    kind: 'report',
    summary: '',
    note: '',
    status: 'submitted',
    file: { id: 100 + id, name: `${title}.pdf`, size: 1000, mime: 'application/pdf' },
    signedFile: null,
    submittedBy: { id: 7, fullName: 'Nguyễn Thị Minh Anh' },
    submittedAt: '2026-03-02T01:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    returnReason: '',
    signerName: '',
    registerNumber: null,
    symbol: '',
    recipients: '',
    copies: null,
    registerNote: '',
    version: 0,
  };
}

const DOCS = [doc(1, 'Báo cáo sĩ số'), doc(2, 'Kế hoạch tháng 3')];

function tokensAnswer(
  tokens: TokenView[],
  modules = ['C:\\Windows\\System32\\vnpt-ca_csp11.dll'],
  providers = ['VNPT-CA'],
): Answer {
  return () => ({ ok: true, value: { modules, providers, tokens } });
}

function doneJob(result: SignResult): JobView {
  return {
    id: 'job-1',
    kind: 'documents.sign',
    status: 'done',
    progress: { done: 2, total: 2, message: '' },
    result,
    error: null,
    createdAt: new Date(NOW).toISOString(),
    finishedAt: new Date(NOW).toISOString(),
  };
}

const pinInput = () => screen.getByLabelText('Mã PIN của token') as HTMLInputElement;
const signButton = () => screen.getByRole('button', { name: /Ký 2 văn bản/ }) as HTMLButtonElement;

describe('PIN rules', () => {
  it('grades the token’s counters and refuses what they forbid', () => {
    expect(pinLevel(null)).toBe('ok');
    expect(pinLevel({ pinLow: true, pinFinalTry: false, pinLocked: false })).toBe('low');
    expect(pinLevel({ pinLow: true, pinFinalTry: true, pinLocked: false })).toBe('finalTry');
    expect(pinLevel({ pinLow: true, pinFinalTry: true, pinLocked: true })).toBe('locked');
    expect(pinRefusal('ok', '123', false)).toBe('short');
    expect(pinRefusal('ok', '1234', false)).toBeNull();
    expect(pinRefusal('low', '1234', false)).toBeNull();
    expect(pinRefusal('finalTry', '1234', false)).toBe('unconfirmed');
    expect(pinRefusal('finalTry', '1234', true)).toBeNull();
    expect(pinRefusal('locked', '1234', true)).toBe('locked');
  });
});

describe('signing dialog', () => {
  afterEach(() => vi.restoreAllMocks());

  it('explains how to plug the token in and searches again, never asking for or showing a library path', async () => {
    let searches = 0;
    const client = new ScriptedClient({
      'signing.tokens': (input) => {
        searches += 1;
        return searches > 1
          ? tokensAnswer(
              [token({}, [certificate('5401AB', 'Trần Thị Thu Hà')])],
              ['/opt/bkav/libbkavca.so'],
              ['BkavCA'],
            )(input)
          : tokensAnswer([], [], [])(input);
      },
    });
    const user = setupUser();
    renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={() => {}} />);
    expect(await screen.findByText('Chưa thấy USB token nào')).toBeTruthy();
    expect(screen.getByText(/Hãy cắm USB token chữ ký số vào máy/)).toBeTruthy();
    // Where a library is set: the settings' advanced section, not this dialog.
    expect(screen.getByText(/Cài đặt ký số › Nâng cao/)).toBeTruthy();
    expect(screen.queryByLabelText(/PKCS#11|Đường dẫn/)).toBeNull();
    expect(screen.queryByRole('textbox', { name: /thư viện/i })).toBeNull();

    await user.click(screen.getByRole('button', { name: /Tìm lại/ }));
    expect(await screen.findByText('Trần Thị Thu Hà')).toBeTruthy();
    expect(client.named('signing.tokens')).toEqual([{}, {}]);
    expect(client.named('documents.sign')).toEqual([]);
    // The token is named by its CA; the server's file paths stay out of the principal's dialog.
    expect(screen.getByText('USB token VNPT-CA')).toBeTruthy();
    expect(screen.getByText('Đã tìm USB token của: BkavCA')).toBeTruthy();
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).not.toMatch(/libbkavca|\/opt\/|\.dll|\.so\b/);
  });

  it('lists the certificates, refuses one that cannot sign, and warns in orange after a wrong PIN', async () => {
    const client = new ScriptedClient({
      'signing.tokens': tokensAnswer([
        token({ pinLow: true }, [
          certificate('11AA', 'Trần Thị Thu Hà'),
          certificate('22BB', 'Trần Thị Thu Hà (cũ)', 'Chứng thư số đã hết hạn ngày 31/12/2024'),
        ]),
      ]),
    });
    renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={() => {}} />);
    const usable = (await screen.findByRole('radio', {
      name: 'Chứng thư của Trần Thị Thu Hà, số sê-ri 11AA',
    })) as HTMLInputElement;
    const expired = screen.getByRole('radio', {
      name: 'Chứng thư của Trần Thị Thu Hà (cũ), số sê-ri 22BB',
    }) as HTMLInputElement;
    expect(expired.disabled).toBe(true);
    expect(screen.getByText('Chứng thư số đã hết hạn ngày 31/12/2024')).toBeTruthy();
    // The only certificate that can sign is chosen already.
    await waitFor(() => expect(usable.checked).toBe(true));
    expect(screen.getByText('USB token VNPT-CA')).toBeTruthy();
    expect(screen.getByText('Nhãn: VNPT-CA Token · Số sê-ri: 0A1B2C3D')).toBeTruthy();
    expect(screen.getByRole('dialog').textContent).not.toContain('vnpt-ca_csp11.dll');
    expect(
      screen.getByText(
        'Nhà cung cấp (CA): VNPT Certification Authority · Số sê-ri: 11AA · Hiệu lực: 10/01/2025 – 01/07/2030',
      ),
    ).toBeTruthy();
    expect(screen.getAllByText('· Đơn vị: Trường Tiểu học Kim Đồng')).toHaveLength(2);

    const warning = screen.getByText(/Token báo đã có lần nhập sai mã PIN/).closest('.ant-alert')!;
    expect(warning.classList.contains('ant-alert-warning')).toBe(true);
    expect(pinInput().type).toBe('password');
    expect(pinInput().disabled).toBe(false);
    expect(signButton().disabled).toBe(false);
  });

  it('asks for an explicit tick on the final PIN try, sends the PIN once, clears it, and shows the outcome', async () => {
    const result: SignResult = {
      signed: [{ id: 1, title: 'Báo cáo sĩ số', registerNumber: '12/2026', timestamped: false }],
      failed: [{ id: 2, title: 'Kế hoạch tháng 3', message: 'Tệp PDF bị hỏng, không ký được' }],
      timestampNote: 'Không lấy được dấu thời gian: không kết nối được máy chủ tsa.truong.vn',
    };
    const client = new ScriptedClient({
      'signing.tokens': tokensAnswer([
        token({ pinLow: true, pinFinalTry: true }, [certificate('11AA', 'Trần Thị Thu Hà')]),
      ]),
      'documents.sign': () => ({ ok: true, value: { jobId: 'job-1' } }),
      'jobs.get': () => ({ ok: true, value: doneJob(result) }),
    });
    const finished = vi.fn();
    const user = setupUser();
    renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={finished} />);
    const danger = (await screen.findByText(/Chỉ còn MỘT lần thử/)).closest('.ant-alert')!;
    expect(danger.classList.contains('ant-alert-error')).toBe(true);

    await user.type(pinInput(), '246810');
    expect(signButton().disabled).toBe(true);
    // Enter does not get round the tick either.
    await user.type(pinInput(), '{Enter}');
    expect(client.named('documents.sign')).toEqual([]);

    await user.click(screen.getByRole('checkbox', { name: 'Tôi đã kiểm tra kỹ mã PIN và vẫn muốn ký' }));
    expect(signButton().disabled).toBe(false);
    await user.click(screen.getByRole('radio', { name: 'Góc dưới bên trái trang cuối' }));
    const position = screen.getByLabelText('Chức vụ ghi trên chữ ký') as HTMLInputElement;
    expect(position.value).toBe('Hiệu trưởng');
    await user.clear(position);
    await user.type(position, 'Phó Hiệu trưởng');
    await user.click(signButton());

    expect(await screen.findByText('Đã ký 1 văn bản', {}, { timeout: 5000 })).toBeTruthy();
    expect(client.named('documents.sign')).toEqual([
      {
        tokenLabel: 'VNPT-CA Token',
        tokenSerial: '0A1B2C3D',
        certSerial: '11AA',
        ids: [1, 2],
        pin: '246810',
        // The tick is passed on: without it the token session refuses the final try.
        confirmFinalTry: true,
        visible: 'bottom-left',
        position: 'Phó Hiệu trưởng',
      },
    ]);
    expect(screen.getByText('Báo cáo sĩ số — số 12/2026')).toBeTruthy();
    // The timestamp server did not answer: signed all the same, and the principal is told.
    expect(
      screen.getByText(
        'Văn bản được ký không kèm dấu thời gian (mức B-B). Không lấy được dấu thời gian: không kết nối được máy chủ tsa.truong.vn',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Không ký được 1 văn bản (vẫn nằm trong hàng chờ để ký lại)')).toBeTruthy();
    expect(screen.getByText('Kế hoạch tháng 3: Tệp PDF bị hỏng, không ký được')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ ký số' })).toBeTruthy();
    // The PIN is nowhere on the page any more.
    expect(screen.queryByLabelText('Mã PIN của token')).toBeNull();
    expect(document.body.innerHTML).not.toContain('246810');
    expect(finished).toHaveBeenCalledTimes(1);
  });

  it('clears the PIN when the token refuses it, and asks the token again', async () => {
    const client = new ScriptedClient({
      'signing.tokens': tokensAnswer([token({}, [certificate('11AA', 'Trần Thị Thu Hà')])]),
      'documents.sign': () => ({
        ok: false,
        error: { code: 'token_error', message: 'Mã PIN không đúng. Token còn 2 lần thử' },
      }),
    });
    const user = setupUser();
    renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={() => {}} />);
    await screen.findByText('Trần Thị Thu Hà');

    // Too short: refused on the spot.
    await user.type(pinInput(), '12{Enter}');
    expect(await screen.findByText('Mã PIN có ít nhất 4 ký tự')).toBeTruthy();
    expect(client.named('documents.sign')).toEqual([]);

    await user.type(pinInput(), '3456{Enter}');
    expect(await screen.findByText('Mã PIN không đúng. Token còn 2 lần thử')).toBeTruthy();
    expect((client.named('documents.sign')[0] as { pin: string }).pin).toBe('123456');
    expect(pinInput().value).toBe('');
    await waitFor(() => expect(client.named('signing.tokens')).toHaveLength(2));
  });

  it('offers to type the PIN again when the job signed nothing, with the token’s new warning', async () => {
    let listings = 0;
    let starts = 0;
    let polls = 0;
    const client = new ScriptedClient({
      'signing.tokens': (input) => {
        listings += 1;
        return tokensAnswer([token({ pinLow: listings > 1 }, [certificate('11AA', 'Trần Thị Thu Hà')])])(input);
      },
      'documents.sign': () => ({ ok: true, value: { jobId: `job-${++starts}` } }),
      'jobs.get': (input) => {
        const id = (input as { id: string }).id;
        if (id === 'job-1') {
          return {
            ok: true,
            value: {
              ...doneJob({ signed: [], failed: [], timestampNote: null }),
              id,
              status: 'failed',
              result: null,
              error: { code: 'token_error', message: 'Mã PIN không đúng' },
            },
          };
        }
        // The second try takes a few polls.
        polls += 1;
        const job = doneJob({
          signed: DOCS.map((d, i) => ({
            id: d.id,
            title: d.title,
            registerNumber: `${i + 1}/2026`,
            timestamped: false,
          })),
          failed: [],
          timestampNote: null,
        });
        return {
          ok: true,
          value:
            polls < 4
              ? {
                  ...job,
                  id,
                  status: 'running',
                  progress: { done: 1, total: 2, message: '' },
                  result: null,
                  finishedAt: null,
                }
              : { ...job, id },
        };
      },
    });
    const finished = vi.fn();
    const user = setupUser();
    renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={finished} />);
    await screen.findByText('Trần Thị Thu Hà');
    expect(screen.queryByText(/Token báo đã có lần nhập sai mã PIN/)).toBeNull();
    await user.type(pinInput(), '0000{Enter}');
    expect(await screen.findByText('Việc ký không hoàn tất: Mã PIN không đúng', {}, { timeout: 5000 })).toBeTruthy();
    expect(finished).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Nhập lại mã PIN và ký lại' }));
    expect(await screen.findByText(/Token báo đã có lần nhập sai mã PIN/)).toBeTruthy();
    expect(pinInput().value).toBe('');
    await user.type(pinInput(), '1111{Enter}');
    // While the second try runs, the earlier job's end is not taken for its own.
    expect(await screen.findByText('Đang ký 1/2 văn bản…', {}, { timeout: 5000 })).toBeTruthy();
    expect(finished).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Việc ký không hoàn tất/)).toBeNull();
    expect(await screen.findByText('Đã ký 2 văn bản', {}, { timeout: 5000 })).toBeTruthy();
    expect(finished).toHaveBeenCalledTimes(2);
    expect(client.named('documents.sign').map((c) => (c as { pin: string }).pin)).toEqual(['0000', '1111']);
  });

  it('signs with the token on this PC in the desktop app: the server prepares, the token signs, the server finishes', async () => {
    const calls: { method: string; input: unknown }[] = [];
    const record =
      <T,>(method: string, value: T) =>
      async (input: unknown): Promise<Result<T>> => {
        calls.push({ method, input });
        return { ok: true, value };
      };
    const bridge: DesktopBridge = {
      isDesktop: true,
      appInfo: async () => ({ version: '0', platform: 'win32', role: 'office', serverUrl: '', dataDir: null }),
      chooseRole: record('chooseRole', { willReload: false }),
      saveFile: record('saveFile', { path: null }),
      copyToFolder: record('copyToFolder', { path: null }),
      listTokens: record('listTokens', {
        modules: ['C:\\Windows\\System32\\vnpt-ca_csp11.dll'],
        tokens: [token({}, [certificate('11AA', 'Trần Thị Thu Hà')])],
      }),
      openTokenSession: record('openTokenSession', { sessionId: 's-1', certificate: 'Q0VSVA==', chain: [] }),
      signWithToken: record('signWithToken', { signatures: ['U0lHMQ==', 'U0lHMg=='] }),
      closeTokenSession: record('closeTokenSession', null),
    };
    window.truongso = bridge;
    const result: SignResult = {
      signed: [
        { id: 1, title: 'Báo cáo sĩ số', registerNumber: '3/2026', timestamped: true },
        { id: 2, title: 'Kế hoạch tháng 3', registerNumber: '4/2026', timestamped: true },
      ],
      failed: [],
      timestampNote: null,
    };
    const client = new ScriptedClient({
      'documents.remoteSign.prepare': () => ({
        ok: true,
        value: {
          batchId: 'b-1',
          expiresAt: new Date(NOW + 600_000).toISOString(),
          items: [
            { id: 1, title: 'Báo cáo sĩ số', toBeSigned: 'VEJTMQ==' },
            { id: 2, title: 'Kế hoạch tháng 3', toBeSigned: 'VEJTMg==' },
          ],
          failed: [],
        },
      }),
      'documents.remoteSign.finish': () => ({ ok: true, value: result }),
    });
    const finished = vi.fn();
    const user = setupUser();
    try {
      renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={finished} />);
      // This PC is chosen first in the desktop app, and the server is not asked for its tokens.
      expect(screen.getByText('Máy tính này').closest('.ant-segmented-item-selected')).toBeTruthy();
      await screen.findByRole('radio', { name: 'Chứng thư của Trần Thị Thu Hà, số sê-ri 11AA' });
      expect(client.named('signing.tokens')).toEqual([]);
      await user.type(pinInput(), '135790{Enter}');
      expect(await screen.findByText('Đã ký 2 văn bản', {}, { timeout: 5000 })).toBeTruthy();
      expect(screen.getByText('Kế hoạch tháng 3 — số 4/2026')).toBeTruthy();
      expect(screen.getByText('Tất cả đều kèm dấu thời gian của máy chủ cấp dấu thời gian (mức B-T).')).toBeTruthy();
      expect(calls.map((c) => c.method)).toEqual([
        'listTokens',
        'openTokenSession',
        'signWithToken',
        'closeTokenSession',
      ]);
      expect(calls[1]!.input).toMatchObject({ tokenSerial: '0A1B2C3D', certSerial: '11AA', pin: '135790' });
      expect(calls[2]!.input).toEqual({ sessionId: 's-1', toBeSigned: ['VEJTMQ==', 'VEJTMg=='] });
      expect(client.named('documents.remoteSign.prepare')).toEqual([
        { ids: [1, 2], certificate: 'Q0VSVA==', chain: [], visible: 'bottom-right', position: 'Hiệu trưởng' },
      ]);
      expect(client.named('documents.remoteSign.finish')).toEqual([
        {
          batchId: 'b-1',
          signatures: [
            { id: 1, signature: 'U0lHMQ==' },
            { id: 2, signature: 'U0lHMg==' },
          ],
          failed: [],
        },
      ]);
      expect(client.named('documents.sign')).toEqual([]);
      expect(document.body.innerHTML).not.toContain('135790');
      expect(finished).toHaveBeenCalledTimes(1);
    } finally {
      delete window.truongso;
    }
  });

  it('uploads the signature picture once, sends it with the signing, remembers it, and lets it go', async () => {
    localStorage.removeItem('truongso.signatureImage');
    const client = new ScriptedClient({
      'signing.tokens': tokensAnswer([token({}, [certificate('11AA', 'Trần Thị Thu Hà')])]),
      'documents.sign': () => ({ ok: true, value: { jobId: 'job-1' } }),
      'jobs.get': () => ({ ok: true, value: doneJob({ signed: [], failed: [], timestampNote: null }) }),
    });
    const { default: userEvent, PointerEventsCheckLevel } = await import('@testing-library/user-event');
    const anyFile = userEvent.setup({ applyAccept: false, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const user = setupUser();
    const view = renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={() => {}} />);
    await screen.findByRole('radio', { name: 'Chứng thư của Trần Thị Thu Hà, số sê-ri 11AA' });
    const input = () => view.container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input().accept).toContain('.png');
    await anyFile.upload(input(), new File(['GIF89a'], 'chu-ky.gif', { type: 'image/gif' }));
    expect(await screen.findByText('Tệp «chu-ky.gif» không phải ảnh PNG hoặc JPEG')).toBeTruthy();
    expect(client.uploads).toEqual([]);
    await user.upload(
      input(),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'chu-ky.png', { type: 'image/png' }),
    );
    expect(await screen.findByText('chu-ky.png')).toBeTruthy();
    expect(client.uploads).toEqual(['chu-ky.png']);
    expect(JSON.parse(localStorage.getItem('truongso.signatureImage')!)).toEqual({ id: 55, name: 'chu-ky.png' });
    await user.type(pinInput(), '135790{Enter}');
    await waitFor(() => expect(client.named('documents.sign')).toHaveLength(1));
    expect((client.named('documents.sign')[0] as { imageFileId?: number }).imageFileId).toBe(55);
    view.unmount();

    // Next time the picture is already there; "Bỏ ảnh" signs with text only and forgets it.
    renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={() => {}} />);
    expect(await screen.findByText('chu-ky.png')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Bỏ ảnh/ }));
    expect(screen.queryByText('chu-ky.png')).toBeNull();
    expect(localStorage.getItem('truongso.signatureImage')).toBeNull();
    await user.type(pinInput(), '135790{Enter}');
    await waitFor(() => expect(client.named('documents.sign')).toHaveLength(2));
    expect(client.named('documents.sign')[1]).not.toHaveProperty('imageFileId');
  });

  it('blocks signing with a locked token', async () => {
    const client = new ScriptedClient({
      'signing.tokens': tokensAnswer([token({ pinLocked: true }, [certificate('11AA', 'Trần Thị Thu Hà')])]),
    });
    const user = setupUser();
    renderWith(client, <SignDialog documents={DOCS} onClose={() => {}} onFinished={() => {}} />);
    await user.click(await screen.findByRole('radio', { name: 'Chứng thư của Trần Thị Thu Hà, số sê-ri 11AA' }));
    const locked = screen.getByText(/Mã PIN của token này đã bị khóa/).closest('.ant-alert')!;
    expect(locked.classList.contains('ant-alert-error')).toBe(true);
    expect(screen.getByText('PIN đã khóa')).toBeTruthy();
    expect(pinInput().disabled).toBe(true);
    expect(signButton().disabled).toBe(true);
    expect(client.named('documents.sign')).toEqual([]);
  });
});

describe('signature verdict', () => {
  const base: VerifyResult = {
    signed: true,
    valid: true,
    verdict: 'Văn bản có 1 chữ ký hợp lệ',
    signatures: [
      {
        signer: 'Trần Thị Thu Hà',
        organisation: 'Trường Tiểu học Kim Đồng',
        signingTime: '2026-03-05T02:30:00.000Z',
        intact: true,
        coversWholeDocument: true,
        certificateValid: true,
        trusted: true,
        verdict: 'Chữ ký hợp lệ',
        problems: [],
        level: 'B-T',
        timestamp: {
          time: '2026-03-05T02:30:07.000Z',
          authority: 'Trung tâm Chứng thực điện tử quốc gia',
          valid: true,
          trusted: true,
          problems: [],
        },
      },
    ],
  };
  const client = new ScriptedClient({});

  it('shows a valid signature in green with its details in the school’s time zone', () => {
    renderWith(client, <VerifyResultView result={base} />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('data-verdict')).toBe('valid');
    expect(within(status).getByText('Hợp lệ').className).toContain('ant-tag-green');
    expect(within(status).getByText('Văn bản có 1 chữ ký hợp lệ')).toBeTruthy();
    expect(screen.getByText('Chữ ký 1: Trần Thị Thu Hà')).toBeTruthy();
    expect(screen.getByText('05/03/2026 09:30')).toBeTruthy();
    expect(screen.getByText('Trường Tiểu học Kim Đồng')).toBeTruthy();
    expect(screen.getByText('Chữ ký hợp lệ')).toBeTruthy();
    expect(screen.getByText('05/03/2026 09:30, do Trung tâm Chứng thực điện tử quốc gia cấp')).toBeTruthy();
    expect(screen.getByText('B-T')).toBeTruthy();
  });

  it('marks a sound signature from an unknown CA in orange', () => {
    const untrusted: VerifyResult = {
      ...base,
      verdict: 'Chữ ký toàn vẹn nhưng chưa xác minh được nguồn gốc chứng thư số',
      signatures: [{ ...base.signatures[0]!, trusted: false, problems: ['Chưa cấu hình chứng thư gốc tin cậy'] }],
    };
    renderWith(client, <VerifyResultView result={untrusted} />);
    expect(screen.getByRole('status').getAttribute('data-verdict')).toBe('valid');
    expect(screen.getByText('Chưa xác minh nguồn gốc').className).toContain('ant-tag-orange');
    expect(screen.getByText('Chưa cấu hình chứng thư gốc tin cậy')).toBeTruthy();
  });

  it('shows a changed document in red with the problems, and an unsigned one in grey', () => {
    const tampered: VerifyResult = {
      ...base,
      valid: false,
      verdict: 'Văn bản đã bị sửa sau khi ký',
      signatures: [
        {
          ...base.signatures[0]!,
          intact: false,
          coversWholeDocument: false,
          trusted: false,
          signingTime: null,
          verdict: 'Chữ ký không hợp lệ',
          problems: ['Nội dung đã bị thay đổi sau khi ký', 'Chứng thư không thuộc CA tin cậy'],
        },
      ],
    };
    const { unmount } = renderWith(client, <VerifyResultView result={tampered} />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('data-verdict')).toBe('invalid');
    expect(within(status).getByText('Không hợp lệ').className).toContain('ant-tag-red');
    expect(screen.getByText('Chữ ký không hợp lệ')).toBeTruthy();
    expect(screen.getByText('Nội dung đã bị thay đổi sau khi ký')).toBeTruthy();
    expect(screen.getByText('Chứng thư không thuộc CA tin cậy')).toBeTruthy();
    expect(screen.getByText('Không ghi thời điểm ký')).toBeTruthy();
    expect(screen.getAllByText('Không')).toHaveLength(3);
    unmount();

    renderWith(
      client,
      <VerifyResultView result={{ signed: false, valid: false, verdict: 'Tệp chưa được ký', signatures: [] }} />,
    );
    expect(screen.getByRole('status').getAttribute('data-verdict')).toBe('unsigned');
    expect(screen.getByText('Chưa ký').className).not.toMatch(/ant-tag-(green|red)/);
    expect(screen.queryByText(/^Chữ ký 1/)).toBeNull();
  });
});
