/**
 * Finding and loading the token's PKCS#11 module. Vietnamese CAs ship no documentation of their module
 * names; the lists below gather what third-party auto-detect lists and users report (reference/signing.md
 * §3), as candidates to probe, with the user's own path always first. A module is loaded and initialised
 * once per process (vendor modules and SoftHSM refuse a second C_Initialize, and another program may have
 * initialised it already), and kept until `releaseModule`.
 */
import fs from 'node:fs';
import path from 'node:path';
import pkcs11js from 'pkcs11js';
import { SigningError } from '../errors';

export interface ModuleCandidate {
  /** Absolute path of the library file. */
  readonly path: string;
  /** Who ships it, as users know them: "Viettel-CA", "VNPT-CA", "SoftHSM2 (thử nghiệm)"… */
  readonly vendor: string;
}

/** Known file names per vendor, Windows first, then Linux and macOS. */
export const KNOWN_MODULES: readonly { vendor: string; windows: readonly string[]; unix: readonly string[] }[] = [
  {
    vendor: 'Viettel-CA',
    windows: [
      'viettel-ca_v6.dll',
      'viettel-ca_v5.dll',
      'viettel-ca_v4.dll',
      'viettel-ca_v2.dll',
      'viettel-ca_v2_s.x64.dll',
      'viettel-ca_v6_s.dll',
      'viettel-ca.dll',
    ],
    unix: ['viettel-ca_v6.so', 'viettel-ca_v5.so', 'viettel-ca_v4.so', 'viettel-ca_v6.dylib', 'viettel-ca_v5.dylib'],
  },
  {
    vendor: 'VNPT-CA',
    windows: [
      'vnpt-ca_csp11.dll',
      'VNPT-CA_v34.dll',
      'vnptca_p11_v10.dll',
      'vnptca_p11_v9.dll',
      'vnptca_p11_v8.dll',
      'vnptca_p11_v7.dll',
      'vnptca_p11_v6.dll',
      'vnpt-ca_cl_v1.dll',
      'vnpt-ca_csp11_s.dll',
      'wdpkcs.dll',
    ],
    unix: ['libvnpt-ca_csp11.so', 'vnpt-ca_csp11.so'],
  },
  {
    vendor: 'BKAV-CA',
    windows: ['BkavCA.dll', 'BkavCAv2S.dll', 'bkavcaetoken.dll', 'bkavcsp.dll', 'BkavCA_P11.dll', 'BkavCAPKCS11.dll'],
    unix: ['libbkavca.so'],
  },
  {
    vendor: 'FPT-CA',
    windows: ['fpt-ca.dll', 'fpt-ca-stx.dll', 'fptca_v3.dll', 'fptca_v4.dll', 'FPT_Token.dll'],
    unix: [],
  },
  {
    vendor: 'CA2 / Nacencomm',
    windows: ['CA2_csp11.dll', 'CA2_v34.dll', 'ShuttleCsp11_3003.dll', 'ncca_csp11_v1.dll', 'nca_v6.dll', 'nca_v4.dll'],
    unix: [],
  },
  { vendor: 'SafeNet eToken', windows: ['eTPKCS11.dll'], unix: ['libeTPkcs11.so', 'libeToken.so'] },
  { vendor: 'Feitian ePass2003', windows: ['eps2003csp11.dll'], unix: ['libcastle.so.1.0.0', 'libes_3000gm.so'] },
  {
    vendor: 'Khác (token của các nhà cung cấp khác)',
    windows: ['ostc1_csp11.dll', 'vdctdcsp11.dll', 'ngp11v211.dll', 'st3csp11.dll', 'gclib.dll', 'psapkcs.dll'],
    unix: [],
  },
  { vendor: 'OpenSC (thẻ thông minh)', windows: ['opensc-pkcs11.dll'], unix: ['opensc-pkcs11.so'] },
  {
    vendor: 'SoftHSM2 (token mềm để thử nghiệm)',
    windows: ['softhsm2-x64.dll', 'softhsm2.dll'],
    unix: ['libsofthsm2.so'],
  },
];

export interface ModuleSearch {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
}

/** Folders where token installers put their modules. */
export function moduleDirs(search: ModuleSearch): string[] {
  const { platform, env } = search;
  if (platform === 'win32') {
    const windir = env.SystemRoot ?? env.WINDIR ?? 'C:\\Windows';
    const programFiles = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432].filter((d): d is string => !!d);
    return [path.win32.join(windir, 'System32'), path.win32.join(windir, 'SysWOW64'), ...programFiles];
  }
  if (platform === 'darwin') return ['/usr/local/lib', '/Library/Frameworks', '/usr/lib'];
  return [
    '/usr/lib',
    '/usr/lib64',
    '/usr/local/lib',
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib/x86_64-linux-gnu/pkcs11',
    '/usr/lib/pkcs11',
    '/usr/lib/softhsm',
    '/usr/lib/x86_64-linux-gnu/softhsm',
    '/usr/local/lib/softhsm',
    '/opt',
  ];
}

/**
 * The modules present on this machine: `extra` (a path the user set) first, then the known names in the
 * system folders. Windows vendors also install under Program Files\<vendor>\…, searched two levels deep.
 */
export function findModules(
  extra: readonly string[] = [],
  search: ModuleSearch = { platform: process.platform, env: process.env },
): ModuleCandidate[] {
  const found: ModuleCandidate[] = [];
  const seen = new Set<string>();
  const add = (file: string, vendor: string) => {
    // Distributions link one module from several folders: list each library once.
    let real = file;
    try {
      real = fs.realpathSync(file);
    } catch {
      // A dangling link is listed as it is; loading it will say what is wrong.
    }
    const key = search.platform === 'win32' ? real.toLowerCase() : real;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ path: file, vendor });
  };
  for (const file of extra) if (fs.existsSync(file)) add(path.resolve(file), 'Do người dùng chỉ định');
  const win = search.platform === 'win32';
  const names = new Map<string, string>();
  for (const k of KNOWN_MODULES) for (const n of win ? k.windows : k.unix) names.set(n.toLowerCase(), k.vendor);
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const vendor = names.get(entry.name.toLowerCase());
      const full = path.join(dir, entry.name);
      if (vendor && (entry.isFile() || entry.isSymbolicLink())) add(full, vendor);
      else if (entry.isDirectory() && depth > 0) walk(full, depth - 1);
    }
  };
  for (const dir of moduleDirs(search)) {
    // System32 is large and flat; vendor folders under Program Files and /opt nest their modules.
    const deep = /program files|^\/opt$/i.test(dir);
    walk(dir, deep ? 2 : 0);
  }
  return found;
}

interface LoadedModule {
  readonly p11: pkcs11js.PKCS11;
  readonly path: string;
}

const loaded = new Map<string, LoadedModule>();

function loadError(file: string, message: string): SigningError {
  const name = path.basename(file);
  const details = { module: file, cause: message };
  if (/C_GetFunctionList/.test(message)) {
    return new SigningError(
      'module_not_pkcs11',
      `Tệp ${name} không phải thư viện PKCS#11 của token (không có hàm C_GetFunctionList).`,
      details,
    );
  }
  if (/wrong ELF class|not a valid Win32 application|\b193\b/i.test(message)) {
    return new SigningError(
      'module_wrong_architecture',
      `Thư viện ${name} không cùng kiến trúc với ứng dụng (32-bit/64-bit); hãy cài trình điều khiển token bản 64-bit.`,
      details,
    );
  }
  if (/invalid ELF header|file too short|not a dynamic|Bad EXE format|\b(11|1114)\b/i.test(message)) {
    return new SigningError(
      'module_not_pkcs11',
      `Tệp ${name} không phải thư viện PKCS#11 (không phải thư viện động).`,
      details,
    );
  }
  if (/\b126\b|cannot open shared object file|Library not loaded/i.test(message)) {
    return new SigningError(
      'module_dependency_missing',
      `Không nạp được thư viện ${name}: thiếu một thư viện mà nó cần; hãy cài lại phần mềm quản lý token của nhà cung cấp.`,
      details,
    );
  }
  return new SigningError('module_load_failed', `Không nạp được thư viện token ${name}: ${message}`, details);
}

/** The loaded, initialised module at `file`, loading it on first use. */
export function loadModule(file: string): pkcs11js.PKCS11 {
  if (!file) throw new SigningError('no_module', 'Chưa chọn thư viện PKCS#11 của token.');
  const resolved = path.resolve(file);
  const cached = loaded.get(resolved);
  if (cached) return cached.p11;
  if (!fs.existsSync(resolved)) {
    throw new SigningError(
      'module_not_found',
      `Không tìm thấy thư viện token ${resolved}; hãy cài phần mềm của nhà cung cấp chữ ký số hoặc chọn đúng đường dẫn.`,
      { module: resolved },
    );
  }
  if (fs.statSync(resolved).isDirectory()) {
    throw new SigningError('module_not_pkcs11', `${resolved} là một thư mục, không phải thư viện PKCS#11.`, {
      module: resolved,
    });
  }
  const p11 = new pkcs11js.PKCS11();
  try {
    p11.load(resolved);
  } catch (e) {
    throw loadError(resolved, (e as Error).message);
  }
  const initialize = (args?: pkcs11js.InitializationOptions) => {
    try {
      if (args) p11.C_Initialize(args);
      else p11.C_Initialize();
    } catch (e) {
      // Another component of this process initialised it already: usable as it is.
      if (!/CKR_CRYPTOKI_ALREADY_INITIALIZED/.test((e as Error).message)) throw e;
    }
  };
  try {
    try {
      // Signing runs on libuv's thread pool (C_SignAsync): let the module lock with the OS's primitives.
      initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
    } catch (e) {
      if (!/CKR_CANT_LOCK|CKR_ARGUMENTS_BAD/.test((e as Error).message)) throw e;
      initialize();
    }
  } catch (e) {
    const message = (e as Error).message;
    try {
      p11.close();
    } catch {
      // Nothing more to release.
    }
    throw new SigningError(
      'module_init_failed',
      `Thư viện token ${path.basename(resolved)} không khởi động được (${message}).`,
      { module: resolved, cause: message },
    );
  }
  loaded.set(resolved, { p11, path: resolved });
  return p11;
}

/**
 * Finalises and unloads a module. Some modules (SoftHSM among them) see tokens inserted after
 * C_Initialize only after this and a new load.
 */
export function releaseModule(file: string): void {
  const resolved = path.resolve(file);
  const entry = loaded.get(resolved);
  if (!entry) return;
  loaded.delete(resolved);
  try {
    entry.p11.C_Finalize();
  } catch {
    // Already finalised or the device is gone: unloading is all that is left.
  }
  try {
    entry.p11.close();
  } catch {
    // As above.
  }
}

export function releaseAllModules(): void {
  for (const file of [...loaded.keys()]) releaseModule(file);
}
