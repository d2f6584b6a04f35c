/**
 * `truongso tokens`, `truongso sign`, `truongso verify`: USB-token signing from the command line. None
 * of them opens the school database; the PIN comes from an environment variable, never from argv.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  findModules,
  isSigningError,
  listTokens,
  signDetachedDetailed,
  signPdfDetailed,
  verifyDetached,
  verifyPdf,
  withTokenSession,
  type PdfSignOptions,
  type SignatureCheck,
  type TimestampOptions,
  type TimestampOutcome,
  type TokenListing,
  type VisibleSignatureOptions,
} from '../../core/signing';
import { formatInstantVn } from '../../../src-shared/domain/dates';
import { CliError, EXIT_FAILURE, EXIT_MISUSE, report, secretFromEnv, type GlobalOptions } from '../output';

const vnDate = (iso: string) => formatInstantVn(iso).slice(0, 10);

function asCliError(e: unknown): unknown {
  return isSigningError(e) ? new CliError(e.message, EXIT_FAILURE, e.code) : e;
}

function readInput(file: string): Buffer {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new CliError(`Không tìm thấy tệp ${resolved}`, EXIT_MISUSE);
  return fs.readFileSync(resolved);
}

/** Writes beside the target and renames, so a failure never leaves a half-written file behind. */
function writeOutput(file: string, bytes: Uint8Array): string {
  const resolved = path.resolve(file);
  const temp = `${resolved}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, resolved);
  return resolved;
}

function modulesFor(option: string | undefined): { path: string; vendor: string }[] {
  if (option) return [{ path: path.resolve(option), vendor: 'Do người dùng chỉ định' }];
  const found = findModules();
  if (found.length === 0) {
    throw new CliError(
      'Không tìm thấy thư viện PKCS#11 của token nào trên máy. Hãy cài phần mềm của nhà cung cấp chữ ký số (VNPT-CA, Viettel-CA, BKAV-CA, …) hoặc chỉ đường dẫn bằng --module.',
    );
  }
  return found;
}

function describeToken(t: TokenListing): string[] {
  const lines = [`  Token «${t.label}» — sê-ri ${t.serial}; ${t.manufacturer} ${t.model}`.trimEnd()];
  if (t.pinStatus === 'locked') lines.push('    Cảnh báo: token đã bị khóa mã PIN.');
  else if (t.pinStatus === 'final_try')
    lines.push('    Cảnh báo: chỉ còn một lần nhập mã PIN; nhập sai nữa token sẽ bị khóa.');
  else if (t.pinStatus === 'count_low') lines.push('    Cảnh báo: số lần nhập mã PIN còn lại đã thấp.');
  if (t.error) lines.push(`    ${t.error}`);
  if (t.certificates.length === 0 && !t.error) lines.push('    (không có chứng thư số)');
  for (const c of t.certificates) {
    const who = [c.info.subject.commonName, c.info.subject.organization].filter(Boolean).join(' — ');
    const key =
      c.info.keyType === 'RSA'
        ? `RSA ${c.info.keySize ?? ''}`.trim()
        : c.info.keyType === 'EC'
          ? `ECDSA ${c.info.curve ?? ''}`.trim()
          : 'khóa khác';
    lines.push(
      `    Chứng thư ${c.info.serialNumber}: ${who || c.info.subject.text}; cấp bởi ${c.info.issuer.commonName ?? c.info.issuer.text}; hiệu lực ${vnDate(c.info.notBefore)}–${vnDate(c.info.notAfter)}; ${key}; ${c.canSign ? 'dùng để ký được' : c.info.isCA ? 'chứng thư của tổ chức cấp (CA)' : 'không dùng để ký'}`,
    );
  }
  return lines;
}

function tokenJson(t: TokenListing) {
  return { ...t, certificates: t.certificates.map((c) => ({ ...c, der: c.der.toString('base64') })) };
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new CliError(`${name} phải là một số: ${value}`, EXIT_MISUSE);
  return n;
}

interface SignOptions extends GlobalOptions {
  module?: string;
  token?: string;
  tokenSerial?: string;
  cert?: string;
  pinEnv?: string;
  visible?: boolean;
  page?: string;
  rect?: string;
  name?: string;
  position?: string;
  organization?: string;
  image?: string;
  reason?: string;
  location?: string;
  field?: string;
  p7s?: boolean;
  confirmFinalTry?: boolean;
  tsa?: string;
}

/** --tsa, checked before the token is touched: a mistyped address is a usage error, not a missing timestamp. */
function timestampOption(value: string | undefined): TimestampOptions | undefined {
  if (value === undefined) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Reported below with the other malformed addresses.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new CliError(
      `--tsa phải là địa chỉ http://… hoặc https://… của máy chủ cấp dấu thời gian: ${value}`,
      EXIT_MISUSE,
    );
  }
  return { url: value };
}

/** The line about the timestamp after signing; none when no server was given. */
function timestampLine(outcome: TimestampOutcome): string | null {
  if (outcome.status === 'added') {
    return `Dấu thời gian: ${formatInstantVn(outcome.time)}, do ${outcome.authority} xác nhận (PAdES/CAdES B-T).`;
  }
  if (outcome.status === 'unavailable') {
    return `Lưu ý: ${outcome.reason} Chữ ký vẫn hợp lệ nhưng không có dấu thời gian (B-B): thời điểm ký chỉ theo đồng hồ máy tính.`;
  }
  return null;
}

function visibleOptions(o: SignOptions): VisibleSignatureOptions | undefined {
  const wanted = o.visible || o.page || o.rect || o.image || o.position || o.name || o.organization;
  if (!wanted) return undefined;
  let rect: VisibleSignatureOptions['rect'];
  if (o.rect) {
    const parts = o.rect.split(',').map((p) => Number(p.trim()));
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[2]! <= 0 || parts[3]! <= 0) {
      throw new CliError('--rect phải có dạng x,y,rộng,cao (điểm, tính từ góc dưới trái của trang)', EXIT_MISUSE);
    }
    rect = { x: parts[0]!, y: parts[1]!, width: parts[2]!, height: parts[3]! };
  }
  return {
    page: numberOption(o.page, '--page'),
    rect,
    signerName: o.name,
    position: o.position,
    organization: o.organization,
    image: o.image ? readInput(o.image) : undefined,
  };
}

/** The module that has the token, when --module is not given. */
function moduleWithToken(option: string | undefined, label: string | undefined, serial: string | undefined): string {
  const candidates = modulesFor(option);
  if (option) return candidates[0]!.path;
  for (const m of candidates) {
    try {
      const tokens = listTokens(m.path, { certificates: false });
      if (tokens.some((t) => (!label || t.label === label.normalize('NFC')) && (!serial || t.serial === serial)))
        return m.path;
    } catch {
      // A module that does not load is not the one with the token.
    }
  }
  throw new CliError(
    'Không thấy token đã chọn trong máy: hãy cắm token vào cổng USB, hoặc chỉ thư viện bằng --module.',
  );
}

function checkLines(c: SignatureCheck, heading: string): string[] {
  const lines = [`${heading}: ${c.verdict}`];
  if (c.signer) {
    lines.push(`  Người ký: ${c.signer.subject.text}`);
    lines.push(
      `  Tổ chức cấp chứng thư: ${c.signer.issuer.commonName ?? c.signer.issuer.text}; sê-ri ${c.signer.serialNumber}`,
    );
  }
  if (c.signingTime) {
    const source = c.signingTimeSource === 'timestamp' ? 'dấu thời gian' : 'theo đồng hồ máy người ký';
    lines.push(`  Thời gian ký: ${formatInstantVn(c.signingTime)} (${source})`);
  }
  if (c.timestamp?.valid) {
    lines.push(`  Dấu thời gian: ${formatInstantVn(c.timestamp.time)}, do ${c.timestamp.authority} xác nhận`);
  } else if (c.timestamp) {
    lines.push('  Dấu thời gian: không hợp lệ, không được dùng');
  }
  lines.push(`  Mức chữ ký: ${c.level}`);
  // The verdict already says the first problem or two; list the rest.
  for (const p of c.problems) if (!c.verdict.includes(p)) lines.push(`  - ${p}`);
  return lines;
}

export function registerSigning(program: Command): void {
  program
    .command('tokens')
    .description('Liệt kê USB token ký số đang cắm và các chứng thư số trên đó')
    .option('--module <path>', 'thư viện PKCS#11 của token (mặc định: tự tìm thư viện của các nhà cung cấp đã biết)')
    .action((_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions & { module?: string }>();
      const results = modulesFor(options.module).map((m) => {
        try {
          return { ...m, tokens: listTokens(m.path) };
        } catch (e) {
          if (options.module) throw asCliError(e);
          return { ...m, tokens: [] as TokenListing[], error: isSigningError(e) ? e.message : String(e) };
        }
      });
      const lines: string[] = [];
      for (const r of results) {
        lines.push(`Thư viện ${r.path} (${r.vendor})`);
        if ('error' in r && r.error) lines.push(`  ${r.error}`);
        else if (r.tokens.length === 0) lines.push('  Không có token nào đang cắm.');
        for (const t of r.tokens) lines.push(...describeToken(t));
      }
      report(options, lines.join('\n'), {
        modules: results.map((r) => ({ ...r, tokens: r.tokens.map(tokenJson) })),
      });
    });

  program
    .command('sign')
    .description(
      'Ký số bằng USB token: tệp PDF được ký PAdES vào chính tệp (ký thêm không làm mất chữ ký trước); tệp khác được ký rời thành .p7s',
    )
    .argument('<in>', 'tệp cần ký')
    .argument('<out>', 'tệp sẽ tạo (PDF đã ký, hoặc .p7s)')
    .option('--module <path>', 'thư viện PKCS#11 của token (mặc định: tự tìm)')
    .option('--token <label>', 'nhãn của token (xem `truongso tokens`)')
    .option('--token-serial <serial>', 'số sê-ri của token, khi có nhiều token cùng nhãn')
    .option(
      '--cert <serial>',
      'số sê-ri của chứng thư số dùng để ký (xem `truongso tokens`); bỏ qua khi token chỉ có một chứng thư ký được',
    )
    .option('--pin-env <var>', 'tên biến môi trường chứa mã PIN (không cần với đầu đọc có bàn phím PIN)')
    .option('--visible', 'hiện khối chữ ký (người ký, chức vụ, cơ quan, thời gian) trên trang')
    .option('--page <n>', 'trang đặt khối chữ ký, 1 là trang đầu, -1 là trang cuối (mặc định -1)')
    .option('--rect <x,y,w,h>', 'vị trí và cỡ khối chữ ký, tính bằng điểm từ góc dưới trái (mặc định góc dưới phải)')
    .option('--name <text>', 'tên người ký hiện trên khối chữ ký (mặc định: theo chứng thư số)')
    .option('--position <text>', 'chức vụ, ví dụ "Hiệu trưởng"')
    .option('--organization <text>', 'cơ quan (mặc định: theo chứng thư số)')
    .option('--image <file>', 'ảnh chữ ký tay hoặc con dấu (PNG/JPEG)')
    .option('--reason <text>', 'lý do ký')
    .option('--location <text>', 'nơi ký')
    .option('--field <name>', 'tên trường chữ ký (điền vào trường chữ ký trống có sẵn)')
    .option('--p7s', 'tạo chữ ký rời .p7s kể cả với tệp PDF')
    .option('--confirm-final-try', 'vẫn đăng nhập khi token báo chỉ còn một lần nhập mã PIN')
    .option(
      '--tsa <url>',
      'máy chủ cấp dấu thời gian (RFC 3161); không kết nối được thì vẫn ký, không có dấu thời gian',
    )
    .action(async (inArg: string, outArg: string, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<SignOptions>();
      if (!options.token && !options.tokenSerial) {
        throw new CliError(
          'Thiếu --token NHÃN (hoặc --token-serial SÊ-RI) của token; xem `truongso tokens`',
          EXIT_MISUSE,
        );
      }
      const input = readInput(inArg);
      const pin = options.pinEnv ? secretFromEnv(options.pinEnv, '--pin-env') : null;
      const isPdf = !options.p7s && input.subarray(0, 1024).toString('latin1').includes('%PDF-');
      const timestamp = timestampOption(options.tsa);
      const pdfOptions: PdfSignOptions = {
        reason: options.reason,
        location: options.location,
        fieldName: options.field,
        visible: visibleOptions(options),
        timestamp,
      };
      try {
        const module = moduleWithToken(options.module, options.token, options.tokenSerial);
        const result = await withTokenSession(
          {
            module,
            token: { label: options.token, serial: options.tokenSerial },
            certificate: options.cert,
            pin,
            allowFinalTry: options.confirmFinalTry,
          },
          async (session) => {
            const signingTime = new Date();
            const signed = isPdf
              ? await signPdfDetailed(input, session, { ...pdfOptions, signingTime })
              : await signDetachedDetailed(input, session, { signingTime, timestamp });
            const bytes = 'pdf' in signed ? signed.pdf : signed.p7s;
            return { bytes, timestamp: signed.timestamp, signer: session.certificateInfo, signingTime };
          },
        );
        const out = writeOutput(outArg, result.bytes);
        const who = result.signer.subject.commonName ?? result.signer.subject.text;
        const note = timestampLine(result.timestamp);
        report(
          options,
          [
            isPdf
              ? `Đã ký ${out}: chữ ký của ${who}, lúc ${formatInstantVn(result.signingTime)}.`
              : `Đã tạo chữ ký rời ${out} cho ${path.resolve(inArg)}: chữ ký của ${who}, lúc ${formatInstantVn(result.signingTime)}.`,
            ...(note ? [note] : []),
          ].join('\n'),
          {
            out,
            format: isPdf ? 'pdf' : 'p7s',
            signer: result.signer,
            signingTime: result.signingTime.toISOString(),
            level: result.timestamp.status === 'added' ? 'B-T' : 'B-B',
            timestamp: result.timestamp,
          },
        );
      } catch (e) {
        throw asCliError(e);
      }
    });

  program
    .command('verify')
    .description('Kiểm tra chữ ký số của tệp PDF, hoặc chữ ký rời .p7s')
    .argument('<file>', 'tệp PDF đã ký, hoặc tệp .p7s')
    .option('--trust <pem...>', 'tệp PEM chứa chứng thư gốc (root CA) được tin cậy; có thể nhiều tệp')
    .option('--content <file>', 'với .p7s: tệp đã được ký (mặc định: tên tệp .p7s bỏ đuôi)')
    .action(async (fileArg: string, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions & { trust?: string[]; content?: string }>();
      const bytes = readInput(fileArg);
      const trustAnchors = (options.trust ?? []).map((f) => readInput(f));
      const strict = trustAnchors.length > 0;
      const passes = (status: string) => status === 'valid' || (!strict && status === 'valid_untrusted');
      let ok: boolean;
      let human: string;
      let data: Record<string, unknown>;
      if (bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
        const result = await verifyPdf(bytes, { trustAnchors });
        ok = passes(result.status);
        human = [
          result.verdict,
          ...result.signatures.flatMap((s) => [
            '',
            ...checkLines(s, `Chữ ký ${s.index}${s.fieldName ? ` («${s.fieldName}»)` : ''}`),
            `  Phạm vi: ${s.coversWholeDocument ? 'toàn bộ tài liệu' : s.laterChanges === 'signatures' ? 'tài liệu đến lúc ký; sau đó chỉ có thêm chữ ký' : 'tài liệu đến lúc ký; sau đó tài liệu còn bị thay đổi'}`,
          ]),
        ].join('\n');
        data = { kind: 'pdf', ...result };
      } else {
        const contentFile = options.content ?? fileArg.replace(/\.p7s$/i, '');
        if (contentFile === fileArg) {
          throw new CliError('Với chữ ký rời, hãy chỉ tệp đã được ký bằng --content TỆP', EXIT_MISUSE);
        }
        const result = verifyDetached(readInput(contentFile), bytes, { trustAnchors });
        ok = passes(result.status);
        human = checkLines(result, `Chữ ký của ${path.basename(contentFile)}`).join('\n');
        data = { kind: 'p7s', content: path.resolve(contentFile), ...result };
      }
      if (options.json) process.stdout.write(`${JSON.stringify({ ok, ...data })}\n`);
      else process.stdout.write(`${human}\n`);
      if (!ok) process.exitCode = EXIT_FAILURE;
    });
}
