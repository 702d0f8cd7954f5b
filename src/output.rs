//! The one renderer: every command returns a `Serialize` value that prints as a table (or map)
//! for people, or as exactly one JSON document with `--json`. Errors go to stderr either way.

use std::io::{self, IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::contract::AuditReport;
use crate::error::{Error, ExitCode, exit_code_of};

/// How to print, decided once per process.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub json: bool,
    pub color: bool,
    /// Columns available on stdout (the terminal's width, `COLUMNS`, or 80).
    pub width: usize,
    /// Whether stdout is a terminal: tables wrap to fit only there, never in a pipe.
    pub tty: bool,
    /// The zone times are shown in (`output.timezone`).
    pub zone: Zone,
}

/// An id's first 8 hex digits, as `history` prints ids and `reserve`, `extend` and `release`
/// take them (a prefix of at least 8 characters).
pub fn short_id(id: &uuid::Uuid) -> String {
    id.simple().to_string()[..8].to_string()
}

/// Where the terminal shows times (`output.timezone`): the machine's local zone (`TZ`
/// honoured, via chrono's `Local`), or a fixed offset (`UTC` is `+00:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Fixed(chrono::FixedOffset),
}

impl Zone {
    /// `local`, `UTC` (or `Z`), or `+HH:MM` / `-HH:MM` (up to ±23:59). Errors: what to write.
    pub fn parse(text: &str) -> Result<Zone, String> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("local") {
            return Ok(Zone::Local);
        }
        if t.eq_ignore_ascii_case("utc") || t == "Z" {
            return Ok(Zone::Fixed(
                chrono::FixedOffset::east_opt(0).expect("0 is an offset"),
            ));
        }
        let bad = || format!("`{text}` is not a zone: write local, UTC, or an offset like +01:00");
        let (sign, rest) = match t.as_bytes().first() {
            Some(b'+') => (1, &t[1..]),
            Some(b'-') => (-1, &t[1..]),
            _ => return Err(bad()),
        };
        let (h, m) = rest.split_once(':').ok_or_else(bad)?;
        let (h, m): (i32, i32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if h > 23 || !(0..60).contains(&m) || h < 0 {
            return Err(bad());
        }
        chrono::FixedOffset::east_opt(sign * (h * 3600 + m * 60))
            .map(Zone::Fixed)
            .ok_or_else(bad)
    }

    /// `t` in this zone.
    pub fn at(self, t: &chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::FixedOffset> {
        match self {
            Zone::Local => t.with_timezone(&chrono::Local).fixed_offset(),
            Zone::Fixed(o) => t.with_timezone(&o),
        }
    }
}

/// `t` formatted with `fmt` (strftime) and the zone named after it: `UTC`, or its offset
/// (`+01:00`).
pub fn zoned(t: &chrono::DateTime<chrono::FixedOffset>, fmt: &str) -> String {
    let zone = if t.offset().local_minus_utc() == 0 {
        "UTC".to_string()
    } else {
        t.format("%:z").to_string()
    };
    format!("{} {zone}", t.format(fmt))
}

impl Ui {
    /// The output decisions: JSON or text, colour, and the terminal's width.
    pub fn new(json: bool, color: bool, zone: Zone) -> Ui {
        Ui {
            json,
            color,
            width: terminal_width(),
            tty: io::stdout().is_terminal(),
            zone,
        }
    }

    /// Whether tables must make room: on a terminal narrower than 120 columns, ids are
    /// shortened to their first 8 characters (as `history` prints them, and as `reserve`,
    /// `extend` and `release` take them). Never in a pipe: what a script reads stays whole.
    pub fn narrow(&self) -> bool {
        self.tty && self.width < 120
    }

    /// An id as a table cell: whole, or its first 8 characters when [`Ui::narrow`].
    pub fn id(&self, id: &uuid::Uuid) -> String {
        if self.narrow() {
            short_id(id)
        } else {
            id.to_string()
        }
    }

    /// A time as the terminal shows it: date, hours and minutes in the display zone, the zone
    /// named (`2026-12-31 20:00 +01:00`, or `… UTC`).
    pub fn time(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        zoned(&self.zone.at(t), "%Y-%m-%d %H:%M")
    }

    /// A time of day to the second, in the display zone, the zone named (`14:03:06 UTC`).
    pub fn clock(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        zoned(&self.zone.at(t), "%H:%M:%S")
    }

    /// As [`Ui::time`] with seconds.
    pub fn when(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        zoned(&self.zone.at(t), "%Y-%m-%d %H:%M:%S")
    }

    /// A comfy-table in the house style, fitted to the terminal.
    pub fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_header(header.to_vec());
        if self.tty {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(self.width.min(u16::MAX as usize) as u16);
        }
        if !self.color {
            table.force_no_tty();
        }
        table
    }
}

fn terminal_width() -> usize {
    if let Some((_, cols)) = console::Term::stdout().size_checked() {
        return usize::from(cols).max(20);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|&c| c >= 20)
        .unwrap_or(80)
}

/// A command's result: serialisable for `--json`, and able to draw itself for people.
pub trait Render: Serialize {
    fn human(&self, ui: &Ui) -> String;

    /// Most results mean success; a report of failed checks may say otherwise.
    fn exit_code(&self) -> ExitCode {
        ExitCode::Success
    }
}

/// Object-safe face of `Render`, so commands can return `Box<dyn Report>`.
pub trait Report {
    fn to_json(&self) -> serde_json::Result<String>;
    fn to_human(&self, ui: &Ui) -> String;
    fn exit_code(&self) -> ExitCode;
}

impl<T: Render> Report for T {
    fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }

    fn to_human(&self, ui: &Ui) -> String {
        self.human(ui)
    }

    fn exit_code(&self) -> ExitCode {
        Render::exit_code(self)
    }
}

/// Prints a result on stdout. A closed pipe (`seatctl seats X | head`) is not an error.
/// Returns the report's exit code.
pub fn print_report(ui: &Ui, report: &dyn Report) -> anyhow::Result<ExitCode> {
    let text = if ui.json {
        report.to_json()?
    } else {
        report.to_human(ui)
    };
    if text.is_empty() {
        // A command that printed as it went (`watch`) has nothing left to say.
        return Ok(report.exit_code());
    }
    let mut out = io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(report.exit_code()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::Success),
        Err(e) => Err(e.into()),
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorFields<'a>,
}

#[derive(Serialize)]
struct ErrorFields<'a> {
    code: &'a str,
    exit_code: i32,
    message: String,
    /// The error's data (`seats`, `hold_id`, `labels`...): see `Error::details`.
    #[serde(flatten)]
    details: serde_json::Map<String, serde_json::Value>,
}

/// Prints an error on stderr (as one JSON object under `--json`) and returns its exit code.
pub fn print_error(json: bool, err: &anyhow::Error) -> ExitCode {
    let code = exit_code_of(err);
    if code == ExitCode::Success {
        return code; // broken pipe
    }
    let message = format!("{err:#}");
    let mut stderr = io::stderr().lock();
    let _ = if json {
        let body = ErrorBody {
            error: ErrorFields {
                code: code.name(),
                exit_code: code.code(),
                message,
                details: err
                    .chain()
                    .find_map(|c| c.downcast_ref::<Error>())
                    .map(Error::details)
                    .unwrap_or_default(),
            },
        };
        writeln!(
            stderr,
            "{}",
            serde_json::to_string(&body).unwrap_or_else(|_| "{}".into())
        )
    } else {
        writeln!(stderr, "error: {message}")
    };
    code
}

/// `None` as an empty cell, not "null".
/// A table as CSV ([`csv_text`]: a header row, RFC 4180 quoting, fields defused against
/// formulas): what `--csv` prints, for spreadsheets and scripts that want rows rather than one
/// JSON document. `--json` and `--csv` together are refused (exit 2) by [`Csv::new`].
#[derive(Debug)]
pub struct Csv(String);

impl Csv {
    /// The CSV of `header` and `rows`. Errors: exit 2 when `--json` is also asked for.
    pub fn new(
        ui: &Ui,
        header: &[&str],
        rows: impl IntoIterator<Item = Vec<String>>,
    ) -> crate::error::Result<Csv> {
        if ui.json {
            return Err(Error::invalid(
                "--csv and --json ask for two formats: choose one",
            ));
        }
        let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        Ok(Csv(csv_text(std::iter::once(header).chain(rows))))
    }
}

impl Serialize for Csv {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl Render for Csv {
    fn human(&self, _ui: &Ui) -> String {
        self.0.clone()
    }
}

/// Only an id, on a line of its own: what `--quiet` prints, for `id=$(seatctl hold … -q)`.
/// `--quiet` with `--json` is refused (exit 2) by [`Quiet::allowed`], before the command runs.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Quiet(String);

impl Quiet {
    /// That `--quiet` may be asked for: checked before the command runs, so a refused
    /// combination changes nothing. Errors: exit 2 when `--json` is also asked for.
    pub fn allowed(ui: &Ui) -> crate::error::Result<()> {
        if ui.json {
            return Err(Error::invalid(
                "--quiet prints only the id and --json a whole document: choose one",
            ));
        }
        Ok(())
    }

    /// `report`, or with `quiet` only `id`. Errors: as [`Quiet::allowed`].
    pub fn or<R: Render + 'static>(
        ui: &Ui,
        quiet: bool,
        report: R,
        id: impl ToString,
    ) -> crate::error::Result<Box<dyn Report>> {
        if !quiet {
            return Ok(Box::new(report));
        }
        Quiet::allowed(ui)?;
        Ok(Box::new(Quiet(id.to_string())))
    }
}

impl Render for Quiet {
    fn human(&self, _ui: &Ui) -> String {
        format!("{}\n", self.0)
    }
}

pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// A time as CSV columns carry it: RFC 3339 exactly as `--json` writes it (UTC, `Z`, the
/// fraction of a second only when there is one).
pub fn rfc3339(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// An event's start as the venue's clock says it (the offset it was given, named):
/// `2026-12-31 20:00 +01:00`.
pub fn starts(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    zoned(t, "%Y-%m-%d %H:%M")
}

/// `text` broken into lines of at most `width` columns at spaces (a word longer than that
/// stands alone on its line).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let w = console::measure_text_width(word);
        let used = console::measure_text_width(&line);
        if used > 0 && used + 1 + w > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// A time as tables show it in UTC: `2026-12-31 20:00 UTC` (see [`Ui::time`] for the display
/// zone).
pub fn time(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula: such text (but
/// not a number like `-3`) gets a leading `'` (OWASP, "CSV Injection").
pub fn csv_defuse(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Rows as CSV text: quoting by `csv::Writer` (RFC 4180, only where needed), `\n` line ends,
/// every field defused against formulas. The first row is usually the header.
pub fn csv_text<R, F>(rows: R) -> String
where
    R: IntoIterator<Item = F>,
    F: IntoIterator,
    F::Item: AsRef<str>,
{
    let mut w = csv_writer(Vec::new());
    for row in rows {
        let fields: Vec<String> = row
            .into_iter()
            .map(|f| csv_defuse(f.as_ref()).into_owned())
            .collect();
        // Writing to memory fails only on a bug in csv; a short file says so at once.
        if w.write_record(&fields).is_err() {
            break;
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A CSV writer as seatctl writes CSV: RFC 4180 quoting where needed, `\n` line ends. Callers
/// pass text fields through [`csv_defuse`].
pub fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// "Audit passed" or one line per violation with its seats; shared with the simulator.
pub fn violations_text(audit: &AuditReport) -> String {
    if audit.ok {
        return "Audit passed: no seat sold twice; seats, holds, reservations and history agree.\n"
            .into();
    }
    let mut out = format!("AUDIT FAILED: {} problem(s)\n", audit.violations.len());
    for v in &audit.violations {
        let seats = if v.seats.is_empty() {
            String::new()
        } else {
            format!(" [{}]", v.seats.join(" "))
        };
        out.push_str(&format!("  {}{seats}: {}\n", v.kind, v.detail));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_never_mid_word() {
        assert_eq!(wrap("aa bb cc dd", 5), "aa bb\ncc dd");
        assert_eq!(wrap("a verylongword b", 4), "a\nverylongword\nb");
        assert_eq!(wrap("", 10), "");
    }

    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        let row = |f: &str| csv_text([[f]]);
        assert_eq!(row("A-1"), "A-1\n");
        assert_eq!(row("Smith, J"), "\"Smith, J\"\n");
        assert_eq!(row("say \"hi\""), "\"say \"\"hi\"\"\"\n");
        assert_eq!(row("=HYPERLINK(1)"), "'=HYPERLINK(1)\n");
        assert_eq!(row("-3"), "-3\n");
        assert_eq!(row("a\rb"), "\"a\rb\"\n");
        assert_eq!(csv_defuse("@x"), "'@x");
    }

    #[test]
    fn csv_text_writes_rows_with_a_header() {
        let text = csv_text([
            vec!["label", "customer"],
            vec!["A-1", "Smith, J"],
            vec!["A-2", "=cmd"],
            vec!["A-3", ""],
        ]);
        assert_eq!(text, "label,customer\nA-1,\"Smith, J\"\nA-2,'=cmd\nA-3,\n");
    }
}
