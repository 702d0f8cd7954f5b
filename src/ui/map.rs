//! The seat map: a line per row, grouped by section, one glyph per seat with a legend.
//! Seats sit in columns by their place along the row (position, else number), so aisles and
//! gaps show; rows wider than the terminal are cut into bands, each with its own number ruler
//! (numbered rows only).

use std::collections::HashSet;
use std::fmt::Write;

use console::Style;

use crate::domain::{Seat, SeatStatus, StatusCounts};

#[derive(Debug, Clone, Copy)]
pub struct MapStyle {
    pub color: bool,
    pub width: usize,
}

/// What one cell of the map shows: a seat's status, except that an available wheelchair space
/// and the seats being picked right now stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Mark {
    Status(SeatStatus),
    Accessible,
    Selected,
}

impl Mark {
    fn of(seat: &Seat, selected: &HashSet<&str>) -> Mark {
        if selected.contains(seat.label.as_str()) {
            Mark::Selected
        } else if seat.status == SeatStatus::Available && seat.attributes.accessible {
            Mark::Accessible
        } else {
            Mark::Status(seat.status)
        }
    }

    fn name(self) -> &'static str {
        match self {
            Mark::Status(s) => s.as_str(),
            Mark::Accessible => "accessible",
            Mark::Selected => "selected",
        }
    }

    /// Shape differs as well as colour, so the map reads without colour and for colour-blind
    /// eyes; without colour it is plain ASCII.
    fn glyph(self, color: bool) -> &'static str {
        match (self, color) {
            (Mark::Status(SeatStatus::Available), true) => "○",
            (Mark::Status(SeatStatus::Held), true) => "◐",
            (Mark::Status(SeatStatus::Reserved), true) => "●",
            (Mark::Status(SeatStatus::Blocked), true) => "■",
            (Mark::Accessible, true) => "◇",
            (Mark::Selected, true) => "◆",
            (Mark::Status(SeatStatus::Available), false) => ".",
            (Mark::Status(SeatStatus::Held), false) => "h",
            (Mark::Status(SeatStatus::Reserved), false) => "X",
            (Mark::Status(SeatStatus::Blocked), false) => "#",
            (Mark::Accessible, false) => "a",
            (Mark::Selected, false) => "*",
        }
    }

    /// Colours readable on dark and light backgrounds (no white, no black).
    fn paint(self) -> Style {
        let style = Style::new().force_styling(true);
        match self {
            Mark::Status(SeatStatus::Available) => style.green(),
            Mark::Status(SeatStatus::Held) => style.yellow().bold(),
            Mark::Status(SeatStatus::Reserved) => style.red(),
            Mark::Status(SeatStatus::Blocked) => style.blue().dim(),
            Mark::Accessible => style.cyan(),
            Mark::Selected => style.magenta().bold().reverse(),
        }
    }
}

/// Row names are shown whole up to this many columns (`Loge 10`, `Rang 12`), and never take
/// more than a fifth of the width each side.
const MAX_ROW_LABEL: usize = 12;

/// Draws the map for seats given in layout order (section, row, number).
pub fn render(seats: &[Seat], style: MapStyle) -> String {
    render_selected(seats, style, &[])
}

/// Draws the map with the seats labelled in `selected` highlighted (what a buyer is picking).
pub fn render_selected(seats: &[Seat], style: MapStyle, selected: &[String]) -> String {
    let selected: HashSet<&str> = selected.iter().map(String::as_str).collect();
    let mut out = String::new();
    if seats.is_empty() {
        out.push_str("(this event has no seats)\n");
        return out;
    }
    let width = style.width.max(24);
    let stage = "[ STAGE ]";
    let centred = format!("{:^width$}", stage, width = width.min(80));
    let _ = writeln!(out, "{}", centred.trim_end());
    for section in seats.chunk_by(|a, b| a.section_pos == b.section_pos) {
        out.push('\n');
        render_section(&mut out, section, section, style, width, &selected);
    }
    out.push('\n');
    legend(&mut out, seats, style, width, &selected);
    out
}

/// The box office's view while selling, kept to `max_lines` lines so the pick and the prompt
/// share one screen (80×24 and up). With nothing `selected`: the stage and one line per
/// section (its counts), an overview to pick from. With a pick: the section holding the first
/// selected seat (its counts whole), only as many rows around the picked ones as fit, a line
/// saying which rows of how many are shown, and the legend.
pub fn render_in_play(
    seats: &[Seat],
    style: MapStyle,
    selected: &[String],
    max_lines: usize,
) -> String {
    let chosen: HashSet<&str> = selected.iter().map(String::as_str).collect();
    let width = style.width.max(24);
    let mut out = String::new();
    if seats.is_empty() {
        out.push_str("(this event has no seats)\n");
        return out;
    }
    let stage = format!("{:^width$}", "[ STAGE ]", width = width.min(80));
    let _ = writeln!(out, "{}", stage.trim_end());
    let sections: Vec<&[Seat]> = seats
        .chunk_by(|a, b| a.section_pos == b.section_pos)
        .collect();
    let Some(section) = sections
        .iter()
        .find(|sec| sec.iter().any(|s| chosen.contains(s.label.as_str())))
    else {
        for section in &sections {
            let _ = writeln!(out, "{}", truncate(&section_title(section), width));
        }
        return out;
    };
    let rows: Vec<&[Seat]> = section.chunk_by(|a, b| a.row_pos == b.row_pos).collect();
    let picked: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|s| chosen.contains(s.label.as_str())))
        .map(|(i, _)| i)
        .collect();
    let (mut lo, mut hi) = (picked[0], picked[picked.len() - 1]);
    let draw = |lo: usize, hi: usize| {
        let shown: Vec<Seat> = rows[lo..=hi]
            .iter()
            .flat_map(|r| r.iter().cloned())
            .collect();
        let mut body = String::new();
        render_section(&mut body, &shown, section, style, width, &chosen);
        if lo > 0 || hi + 1 < rows.len() {
            let _ = writeln!(
                body,
                "(rows {}–{} of {}: {}–{}; `seatctl map` draws them all)",
                rows[lo][0].row,
                rows[hi][0].row,
                rows.len(),
                rows[0][0].row,
                rows[rows.len() - 1][0].row
            );
        }
        body.push('\n');
        legend(&mut body, &shown, style, width, &chosen);
        body
    };
    // Grow the window a row at a time on each side while it fits.
    let budget = max_lines.saturating_sub(1);
    let mut body = draw(lo, hi);
    loop {
        let mut grew = false;
        for side in [false, true] {
            let (l, h) = match side {
                false if lo > 0 => (lo - 1, hi),
                true if hi + 1 < rows.len() => (lo, hi + 1),
                _ => continue,
            };
            let wider = draw(l, h);
            if wider.lines().count() <= budget {
                (lo, hi, body) = (l, h, wider);
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    out.push_str(&body);
    out
}

/// The legend under a map, of the marks it shows (the three states always).
fn legend(
    out: &mut String,
    seats: &[Seat],
    style: MapStyle,
    width: usize,
    selected: &HashSet<&str>,
) {
    // Rarer marks are named in the legend only where the map has some.
    let shown: HashSet<Mark> = seats.iter().map(|s| Mark::of(s, selected)).collect();
    let legend: Vec<String> = SeatStatus::ALL
        .iter()
        .map(|&s| Mark::Status(s))
        .chain([Mark::Accessible, Mark::Selected])
        .filter(|m| {
            matches!(
                m,
                Mark::Status(SeatStatus::Available | SeatStatus::Held | SeatStatus::Reserved)
            ) || shown.contains(m)
        })
        .map(|m| {
            let g = m.glyph(style.color);
            let g = if style.color {
                m.paint().apply_to(g).to_string()
            } else {
                g.to_string()
            };
            format!("{g} {}", m.name())
        })
        .collect();
    // Wrapped to the width; the items carry escape codes in colour, so count visible text.
    let mut line = String::new();
    let mut used = 0;
    for item in legend {
        let len = console::measure_text_width(&item);
        if used > 0 && used + 3 + len > width {
            let _ = writeln!(out, "{line}");
            line.clear();
            used = 0;
        }
        if used > 0 {
            line.push_str("   ");
            used += 3;
        }
        line.push_str(&item);
        used += len;
    }
    let _ = writeln!(out, "{line}");
}

/// A section's title line: its name and its seats' counts by status.
fn section_title(seats: &[Seat]) -> String {
    let mut counts = StatusCounts::default();
    for s in seats {
        counts.add(s.status, 1);
    }
    let name = &seats[0].section;
    let blocked = if counts.blocked > 0 {
        format!(" · {} blocked", counts.blocked)
    } else {
        String::new()
    };
    let kind = if seats[0].area {
        "general-admission area of"
    } else {
        ""
    };
    format!(
        "{name} · {kind}{}{} {} · {} available · {} held · {} reserved{blocked}",
        if kind.is_empty() { "" } else { " " },
        counts.total,
        if seats[0].area { "places" } else { "seats" },
        counts.available,
        counts.held,
        counts.reserved
    )
}

/// Draws `seats` (rows of one section, or all of it), titled with the counts of `whole` (the
/// section they are part of).
fn render_section(
    out: &mut String,
    seats: &[Seat],
    whole: &[Seat],
    style: MapStyle,
    width: usize,
    selected: &HashSet<&str>,
) {
    let mut counts = StatusCounts::default();
    for s in whole {
        counts.add(s.status, 1);
    }
    let _ = writeln!(out, "{}", truncate(&section_title(whole), width));
    if seats[0].area {
        render_area_bar(out, &counts, style, width);
        return;
    }

    // Columns are places along the row (positions, else numbers); positions are no numbers
    // staff could count along, so their sections get no ruler.
    let first = seats.iter().map(Seat::pos).min().unwrap_or(1);
    let last = seats.iter().map(Seat::pos).max().unwrap_or(1);
    let numbered = seats.iter().all(|s| s.seat_pos.is_none());
    // Display columns, not characters: a CJK name takes two per character.
    let label_w = seats
        .iter()
        .map(|s| console::measure_text_width(&s.row))
        .max()
        .unwrap_or(0)
        .min(MAX_ROW_LABEL)
        .min(width / 5);
    let margin = if label_w == 0 { 0 } else { label_w + 1 };
    let room = width.saturating_sub(2 * margin).max(10);
    let span = (last - first + 1) as usize;
    // Bands start on round numbers when a row must be cut, so staff can count along.
    let band = if span <= room { span } else { room - room % 10 };
    let rows: Vec<&[Seat]> = seats.chunk_by(|a, b| a.row_pos == b.row_pos).collect();

    // Only bands some seat falls in: a long gap in a row is not drawn as empty bands.
    let mut bands: Vec<i64> = seats
        .iter()
        .map(|s| (s.pos() - first) / band as i64)
        .collect();
    bands.sort_unstable();
    bands.dedup();
    for b in bands {
        let start = first + b * band as i64;
        let end = (start + band as i64 - 1).min(last);
        let cols = (end - start + 1) as usize;
        if numbered {
            let _ = writeln!(out, "{}{}", " ".repeat(margin), ruler(start, end));
        }
        for row in &rows {
            let in_band: Vec<&Seat> = row
                .iter()
                .filter(|s| (start..=end).contains(&s.pos()))
                .collect();
            // A row with no seat in this band still gets its line when it has seats elsewhere
            // in other bands, so the rows of every band line up.
            let mut line = String::with_capacity(cols * 4);
            let mut cells: Vec<Option<Mark>> = vec![None; cols];
            for s in &in_band {
                cells[(s.pos() - start) as usize] = Some(Mark::of(s, selected));
            }
            // Runs of one mark are painted with one escape sequence.
            let mut run: Option<(Mark, String)> = None;
            for cell in cells {
                match cell {
                    None => {
                        flush(&mut line, &mut run, style.color);
                        line.push(' ');
                    }
                    Some(mark) => {
                        if run.as_ref().is_some_and(|(m, _)| *m != mark) {
                            flush(&mut line, &mut run, style.color);
                        }
                        run.get_or_insert_with(|| (mark, String::new()))
                            .1
                            .push_str(mark.glyph(style.color));
                    }
                }
            }
            flush(&mut line, &mut run, style.color);
            if margin == 0 {
                let _ = writeln!(out, "{}", line.trim_end());
            } else {
                let name = &row[0].row;
                let left = console::pad_str(name, label_w, console::Alignment::Right, Some("…"));
                let right = console::truncate_str(name, label_w, "…");
                let _ = writeln!(out, "{left} {line} {right}");
            }
        }
    }
}

/// A general-admission area as one bar: its places in proportion, sold first, then held,
/// blocked and available, at most 60 columns (a place per column when it has fewer).
fn render_area_bar(out: &mut String, counts: &StatusCounts, style: MapStyle, width: usize) {
    let cols = (width.saturating_sub(2))
        .clamp(10, 60)
        .min(counts.total.max(1) as usize);
    let total = counts.total.max(1) as f64;
    // Each state's share, rounded so a state with any place shows at least one column.
    let share = |n: i64| {
        if n == 0 {
            0
        } else {
            ((n as f64 / total * cols as f64).round() as usize).max(1)
        }
    };
    let mut parts = [
        (SeatStatus::Reserved, share(counts.reserved)),
        (SeatStatus::Held, share(counts.held)),
        (SeatStatus::Blocked, share(counts.blocked)),
        (SeatStatus::Available, 0),
    ];
    let used: usize = parts.iter().map(|p| p.1).sum();
    parts[3].1 = cols.saturating_sub(used);
    if counts.available > 0 && parts[3].1 == 0 {
        parts[3].1 = 1;
    }
    let mut bar = String::from("[");
    for (status, n) in parts {
        if n == 0 {
            continue;
        }
        let mark = Mark::Status(status);
        let run = mark.glyph(style.color).repeat(n);
        if style.color {
            bar.push_str(&mark.paint().apply_to(run).to_string());
        } else {
            bar.push_str(&run);
        }
    }
    bar.push(']');
    let _ = writeln!(out, "{bar}");
}

fn flush(line: &mut String, run: &mut Option<(Mark, String)>, color: bool) {
    if let Some((mark, glyphs)) = run.take() {
        if color {
            let _ = write!(line, "{}", mark.paint().apply_to(glyphs));
        } else {
            line.push_str(&glyphs);
        }
    }
}

/// Seat numbers above the columns: the first seat, then every multiple of 10 that has room.
fn ruler(start: i64, end: i64) -> String {
    let cols = (end - start + 1) as usize;
    let mut line = vec![' '; cols];
    let mut next_free = 0usize;
    for n in start..=end {
        if n != start && n % 10 != 0 {
            continue;
        }
        let text = n.to_string();
        let at = (n - start) as usize;
        if at < next_free || at + text.len() > cols {
            continue;
        }
        for (i, ch) in text.chars().enumerate() {
            line[at + i] = ch;
        }
        next_free = at + text.len() + 1;
    }
    line.into_iter().collect::<String>().trim_end().to_string()
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::Layout;

    fn seats_of(layout: &Layout) -> Vec<Seat> {
        crate::domain::seats_for_test(layout, |i, _| match i % 7 {
            0 => SeatStatus::Reserved,
            3 => SeatStatus::Held,
            _ => SeatStatus::Available,
        })
    }

    fn plain(width: usize) -> MapStyle {
        MapStyle {
            color: false,
            width,
        }
    }

    #[test]
    fn example_hall_fits_80_columns() {
        let layout = Layout::from_file(std::path::Path::new("examples/hall.toml")).unwrap();
        assert_eq!(layout.len(), 2000);
        let map = render(&seats_of(&layout), plain(80));
        for line in map.lines() {
            assert!(line.chars().count() <= 80, "too wide: {line:?}");
        }
        // One line per row plus headers: every row of every section is drawn once.
        assert!(map.contains("Stalls · 840 seats"));
        assert!(map.contains("Gallery · 420 seats"));
        assert!(
            map.lines()
                .any(|l| l.starts_with("A ") && l.ends_with(" A"))
        );
        assert!(map.contains(". available   h held   X reserved"));
    }

    /// Field report (issue 12): row names were cut to 3 characters (`Loge 1` and `Loge 10`
    /// looked alike) and CJK names pushed their rows out of line.
    #[test]
    fn row_names_are_whole_and_wide_characters_keep_rows_aligned() {
        let layout = Layout::parse_bytes(
            "section,row,seat\nS,Loge 1,1\nS,Loge 1,2\nS,Loge 10,1\nS,Loge 10,2\nS,一排,1\nS,一排,2\n"
                .as_bytes(),
            crate::domain::layout::Format::Csv,
            "t.csv",
        )
        .unwrap();
        let seats = crate::domain::seats_for_test(&layout, |_, _| SeatStatus::Available);
        let map = render(&seats, plain(80));
        let rows: Vec<&str> = map.lines().filter(|l| l.contains("..")).collect();
        assert_eq!(rows.len(), 3, "{map}");
        assert!(
            rows[0].starts_with(" Loge 1 ") && rows[0].ends_with(" Loge 1"),
            "{map}"
        );
        assert!(
            rows[1].starts_with("Loge 10 ") && rows[1].ends_with(" Loge 10"),
            "{map}"
        );
        // The seats start at the same display column on every row.
        let seats_at: Vec<usize> = rows
            .iter()
            .map(|r| console::measure_text_width(&r[..r.find("..").unwrap()]))
            .collect();
        assert!(seats_at.iter().all(|c| *c == seats_at[0]), "{map}");
    }

    #[test]
    fn gaps_show_as_spaces_and_labels_sit_on_both_sides() {
        let layout = Layout::parse_bytes(
            b"section,row,seat\nS,A,1\nS,A,2\nS,A,4\n",
            crate::domain::layout::Format::Csv,
            "t.csv",
        )
        .unwrap();
        let map = render(&seats_of(&layout), plain(80));
        assert!(map.contains("A X. . A"), "{map}");
    }

    #[test]
    fn wide_rows_are_cut_into_bands_with_rulers() {
        let layout = Layout::general_admission(500).unwrap();
        let map = render(&seats_of(&layout), plain(80));
        for line in map.lines() {
            assert!(line.chars().count() <= 80, "too wide: {line:?}");
        }
        assert!(map.lines().any(|l| l.starts_with("1 ")));
        assert!(map.lines().any(|l| l.starts_with("81")), "{map}");
        let glyphs: usize = map
            .lines()
            .filter(|l| !l.contains("·") && !l.contains("available"))
            .map(|l| l.chars().filter(|c| ['.', 'h', 'X'].contains(c)).count())
            .sum();
        assert_eq!(glyphs, 500);
    }

    #[test]
    fn colour_mode_uses_shapes_and_escapes() {
        let layout = Layout::general_admission(10).unwrap();
        let map = render(
            &seats_of(&layout),
            MapStyle {
                color: true,
                width: 80,
            },
        );
        assert!(map.contains('●') && map.contains('○') && map.contains('◐'));
        assert!(map.contains("\u{1b}["));
    }

    /// The example layouts drawn with a fixed mix of states, compared with the committed
    /// insta snapshots in `src/ui/snapshots/`. After a deliberate change to the map, review
    /// and accept the new drawings with `cargo insta review` (or `INSTA_UPDATE=always cargo
    /// test --lib map` and read the diff).
    #[test]
    fn snapshots_of_the_example_layouts() {
        let states = |i: usize, _: &str| match i % 13 {
            0 | 5 => SeatStatus::Reserved,
            3 => SeatStatus::Held,
            _ if i % 97 == 7 => SeatStatus::Blocked,
            _ => SeatStatus::Available,
        };
        let cases = [
            ("examples/hall.toml", 80, vec!["N-29", "N-30"], "hall-80"),
            ("examples/hall.toml", 48, vec![], "hall-48"),
            ("examples/small.csv", 80, vec!["A-2", "A-3"], "small-80"),
        ];
        for (file, width, selected, snapshot) in cases {
            let layout = Layout::from_file(std::path::Path::new(file)).unwrap();
            let seats = crate::domain::seats_for_test(&layout, states);
            let selected: Vec<String> = selected.into_iter().map(String::from).collect();
            let map = render_selected(&seats, plain(width), &selected);
            for line in map.lines() {
                assert!(line.chars().count() <= width, "{file} too wide: {line:?}");
            }
            insta::assert_snapshot!(snapshot, map);
        }
    }

    #[test]
    fn selected_and_accessible_seats_stand_out() {
        let layout = Layout::parse_bytes(
            b"section,row,seat,attributes\nS,A,1,accessible\nS,A,2,companion\nS,A,3,\nS,A,4,\n",
            crate::domain::layout::Format::Csv,
            "t.csv",
        )
        .unwrap();
        let seats = crate::domain::seats_for_test(&layout, |_, _| SeatStatus::Available);
        let map = render_selected(&seats, plain(80), &["A-3".to_string()]);
        assert!(map.contains("A a.*. A"), "{map}");
        assert!(
            map.contains("a accessible") && map.contains("* selected"),
            "{map}"
        );
        let map = render(&seats, plain(80));
        assert!(!map.contains("selected"), "{map}");
        let color = render_selected(
            &seats,
            MapStyle {
                color: true,
                width: 80,
            },
            &["A-3".to_string()],
        );
        assert!(color.contains('◇') && color.contains('◆'), "{color}");
    }

    #[test]
    fn ruler_marks_tens() {
        assert_eq!(ruler(1, 25), "1        10        20");
        assert_eq!(ruler(8, 12), "8 10");
    }
}
