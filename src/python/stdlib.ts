/**
 * Top-level modules of the Python standard library for 3.10-3.13 (the union of
 * `sys.stdlib_module_names` across those versions), used to group imports, and where
 * one is not always importable (`stdlibAvailability`): version, platform, build.
 */

const STDLIB_MODULES = new Set(
  `
  __future__ _abc _aix_support _android_support _apple_support _ast _asyncio _bisect _blake2
  _bootsubprocess _bz2 _codecs _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr
  _codecs_tw _collections _collections_abc _colorize _compat_pickle _compression _contextvars
  _crypt _csv _ctypes _curses _curses_panel _datetime _dbm _decimal _elementtree
  _frozen_importlib _frozen_importlib_external _functools _gdbm _hashlib _heapq _imp
  _interpchannels _interpqueues _interpreters _io _ios_support _json _locale _lsprof _lzma
  _markupbase _md5 _msi _multibytecodec _multiprocessing _opcode _opcode_metadata _operator
  _osx_support _overlapped _pickle _posixshmem _posixsubprocess _py_abc _pydecimal _pyio _pyrepl
  _queue _random _scproxy _sha1 _sha256 _sha3 _sha512 _signal _sitebuiltins _socket _sqlite3
  _sre _ssl _stat _statistics _string _strptime _struct _suggestions _symtable _sysconfig
  _thread _threading_local _tkinter _tokenize _tracemalloc _typing _uuid _warnings _weakref
  _weakrefset _winapi _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio
  asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb
  chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser
  contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal
  difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp
  fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob
  graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io
  ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal
  math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath
  nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools
  pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd
  py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource
  rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib
  sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat
  statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny
  tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter token tokenize
  tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest
  urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc
  zipapp zipfile zipimport zlib zoneinfo
`
    .trim()
    .split(/\s+/),
);

/** Whether the top-level package of dotted `module` is in the standard library. */
export function isStdlibModule(module: string): boolean {
  return STDLIB_MODULES.has(module.split('.')[0]!);
}

/**
 * Where a standard-library module is not always importable: only from a version
 * (`tomllib` 3.11), removed in a version (`imp` 3.12), on one platform only (`winreg`),
 * or missing from some builds (`sqlite3` without libsqlite3).
 */
export interface StdlibAvailability {
  /** First Python 3 minor version that has it. */
  readonly since?: number;
  /** First Python 3 minor version that no longer has it. */
  readonly removedIn?: number;
  readonly platform?: 'Windows' | 'Unix' | 'macOS';
  /** Built only when an optional system library is present. */
  readonly optionalBuild?: boolean;
}

const SINCE: Record<string, number> = { graphlib: 9, zoneinfo: 9, tomllib: 11 };
const REMOVED: Record<string, number> = Object.fromEntries([
  ...['asynchat', 'asyncore', 'distutils', 'imp', 'smtpd'].map((m) => [m, 12]),
  ...(
    'aifc audioop cgi cgitb chunk crypt imghdr lib2to3 mailcap msilib nis nntplib ' +
    'ossaudiodev pipes sndhdr spwd sunau telnetlib uu xdrlib'
  )
    .split(' ')
    .map((m) => [m, 13]),
]);
const WINDOWS = new Set('_msi _overlapped _winapi msilib msvcrt nt winreg winsound'.split(' '));
const UNIX = new Set(
  '_curses _posixshmem _posixsubprocess crypt curses fcntl grp nis ossaudiodev posix pty pwd readline resource spwd syslog termios tty'.split(
    ' ',
  ),
);
const MACOS = new Set(['_scproxy']);
const OPTIONAL_BUILD = new Set(
  '_bz2 _ctypes _dbm _gdbm _lzma _sqlite3 _ssl _tkinter bz2 ctypes curses dbm.gnu dbm.ndbm idlelib lzma readline sqlite3 ssl tkinter turtle turtledemo zlib'.split(
    ' ',
  ),
);

/** The availability limits of a standard-library module (`{}` when it is always there). */
export function stdlibAvailability(module: string): StdlibAvailability {
  const top = module.split('.')[0]!;
  const two = module.split('.').slice(0, 2).join('.');
  const platform = WINDOWS.has(top)
    ? 'Windows'
    : UNIX.has(top)
      ? 'Unix'
      : MACOS.has(top)
        ? 'macOS'
        : undefined;
  return {
    ...(SINCE[top] !== undefined ? { since: SINCE[top] } : {}),
    ...(REMOVED[top] !== undefined ? { removedIn: REMOVED[top] } : {}),
    ...(platform ? { platform } : {}),
    ...(OPTIONAL_BUILD.has(top) || OPTIONAL_BUILD.has(two) ? { optionalBuild: true } : {}),
  };
}
