//! The words by which a log line says what a number is, for the query reader
//! ([`crate::query`]) and the offline page's script, which codegen gives them from this one
//! list (the page's `log-words-data`).
//!
//! Keys are compared in ASCII case-insensitively, whole: `code=015`, `Code: 015`.

/// Keys whose value is a display code: `code=015`.
pub const CODE_KEYS: &[&str] = &[
    "code",
    "errcode",
    "errorcode",
    "err",
    "error",
    "disp",
    "display",
    "screen",
];

/// Japanese words before a display code, a blank or a colon between or not: a code written
/// without its leading zeros after them is that code (`コード11`, `エラーコード：5`,
/// `エラー12`, `エラー番号「７」`; in half-width katakana too, `ｴﾗｰ17`).
pub const CODE_KEYS_JA: &[&str] = &["コード", "エラー", "エラー番号", "コード番号"];

/// Keys whose value is a message ID: `id=0x04000011`, `messageId: 04000011`.
pub const ID_KEYS: &[&str] = &["id", "msgid", "messageid", "mid", "msg"];

/// Keys and words before a number that is no code: processes, threads, lines, ports,
/// counts, durations, sizes, statuses, Windows' own error codes and events (`pid=123`,
/// `thread 015`, `Thread-015`, `status=500`, `HRESULT=0x80070005`).
pub const OTHER_KEYS: &[&str] = &[
    "pid",
    "tid",
    "thread",
    "threadid",
    "process",
    "proc",
    "processid",
    "port",
    "line",
    "lineno",
    "ln",
    "seq",
    "count",
    "cnt",
    "n",
    "no",
    "num",
    "elapsed",
    "took",
    "time",
    "retry",
    "retries",
    "attempt",
    "user",
    "uid",
    "session",
    "sid",
    "status",
    "http",
    "len",
    "length",
    "size",
    "pos",
    "offset",
    "addr",
    "ptr",
    "handle",
    "job",
    "tel",
    "fax",
    "hresult",
    "hr",
    "win32",
    "errno",
    "lasterror",
    "eventid",
    "event",
    "kb",
    "ext",
    "phone",
    "ticket",
];

/// Japanese words before a number that is no code, a blank or a colon between or not: a
/// telephone's, an extension's, a ticket's (`内線 123`, `受付番号：456`).
pub const OTHER_KEYS_JA: &[&str] = &[
    "内線",
    "電話",
    "携帯",
    "ポート",
    "受付番号",
    "管理番号",
    "問合せ番号",
    "問い合わせ番号",
    "チケット",
    "伝票",
    "お客様番号",
    "端末番号",
];

/// Units written after a number and a blank: it is a quantity (`300 ms`).
pub const UNITS: &[&str] = &[
    "ms", "msec", "s", "sec", "secs", "us", "ns", "b", "kb", "mb", "gb", "bytes", "px", "min",
];

/// Characters written right after a number: it is a date's part, a time's or a quantity
/// (`25日`, `10時`, `3回`, `100%`).
pub const UNIT_CHARS: &[char] = &[
    '年', '月', '日', '時', '分', '秒', '回', '件', '個', '台', '枚', '人', '%',
];
