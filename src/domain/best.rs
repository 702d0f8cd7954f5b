//! "Best available": which seats to offer when a buyer asks for N seats rather than naming them.
//! Best means, in order: the section listed first in the layout, the row nearest the stage,
//! then the seats closest to the row's centre. N seats side by side in one row (consecutive
//! numbers, no aisle between) beat any scattered set.

use crate::domain::{Seat, SeatStatus};

/// A set of seats to try, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub labels: Vec<String>,
    /// All in one row, side by side.
    pub together: bool,
}

/// Ranked candidate blocks of `n` adjacent available seats; when none exists, one scattered
/// pick of the `n` best single seats. `seats` is every seat of the event in layout order
/// (available or not: the row's centre counts every seat).
pub fn candidates(seats: &[Seat], n: usize) -> Vec<Pick> {
    if n == 0 {
        return Vec::new();
    }
    let mut blocks: Vec<((i64, i64, i64), Pick)> = Vec::new();
    let mut singles: Vec<((i64, i64, i64), &Seat)> = Vec::new();
    for row in seats.chunk_by(|a, b| a.row_pos == b.row_pos && a.section_pos == b.section_pos) {
        let (lo, hi) = (row[0].number, row[row.len() - 1].number);
        // Twice the centre, so distances stay integers.
        let centre2 = lo + hi;
        let free: Vec<&Seat> = row
            .iter()
            .filter(|s| s.status == SeatStatus::Available)
            .collect();
        for s in &free {
            let d = (2 * s.number - centre2).abs();
            singles.push(((s.section_pos, s.row_pos, d), s));
        }
        for w in free.windows(n) {
            if w[n - 1].number - w[0].number != n as i64 - 1 {
                continue; // a gap (aisle or taken seat) splits the party
            }
            let d = (w[0].number + w[n - 1].number - centre2).abs();
            blocks.push((
                (w[0].section_pos, w[0].row_pos, d),
                Pick {
                    labels: w.iter().map(|s| s.label.clone()).collect(),
                    together: true,
                },
            ));
        }
    }
    if !blocks.is_empty() {
        blocks.sort_by_key(|(k, _)| *k);
        return blocks.into_iter().map(|(_, p)| p).collect();
    }
    if singles.len() < n {
        return Vec::new();
    }
    singles.sort_by_key(|(k, _)| *k);
    vec![Pick {
        labels: singles
            .iter()
            .take(n)
            .map(|(_, s)| s.label.clone())
            .collect(),
        together: false,
    }]
}

/// Spreads concurrent buyers: pick at random among the few best candidates, so two terminals
/// asking at the same moment rarely reach for the same seats (the loser simply retries).
pub fn choose(cands: &[Pick], spread: usize) -> Option<&Pick> {
    if cands.is_empty() {
        return None;
    }
    let top = cands.len().min(spread.max(1));
    cands.get(fastrand::usize(0..top))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::{Format, Layout};

    fn seats(csv: &str, taken: &[&str]) -> Vec<Seat> {
        let layout = Layout::parse_bytes(csv.as_bytes(), Format::Csv, "t.csv").unwrap();
        crate::domain::seats_for_test(&layout, |_, label| {
            if taken.contains(&label) {
                SeatStatus::Reserved
            } else {
                SeatStatus::Available
            }
        })
    }

    fn row(name: &str, n: u32) -> String {
        (1..=n).map(|i| format!("S,{name},{i}\n")).collect()
    }

    #[test]
    fn front_row_centre_first() {
        let s = seats(
            &format!("section,row,seat\n{}{}", row("A", 9), row("B", 9)),
            &[],
        );
        let c = candidates(&s, 3);
        assert_eq!(c[0].labels, ["A-4", "A-5", "A-6"]);
        assert!(c[0].together);
        assert!(c.iter().position(|p| p.labels[0].starts_with('B')).unwrap() > 6);
    }

    #[test]
    fn taken_seats_and_aisles_split_blocks() {
        let s = seats(
            &format!(
                "section,row,seat\n{}S,B,1\nS,B,2\nS,B,5\nS,B,6\n",
                row("A", 5)
            ),
            &["A-2", "A-4"],
        );
        let c = candidates(&s, 2);
        // Row A has no two free seats side by side; row B's aisle between 2 and 5 splits it.
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|p| p.labels[0].starts_with("B-")));
        assert!(!c.iter().any(|p| p.labels == ["B-2", "B-5"]));
    }

    #[test]
    fn scattered_when_no_block_exists() {
        let s = seats(
            &format!("section,row,seat\n{}", row("A", 5)),
            &["A-2", "A-4"],
        );
        let c = candidates(&s, 2);
        assert_eq!(
            c,
            [Pick {
                labels: vec!["A-3".into(), "A-1".into()],
                together: false
            }]
        );
        assert!(candidates(&s, 4).is_empty(), "not enough seats left");
    }

    #[test]
    fn choose_stays_within_the_top() {
        let s = seats(&format!("section,row,seat\n{}", row("A", 20)), &[]);
        let c = candidates(&s, 2);
        for _ in 0..50 {
            let p = choose(&c, 3).unwrap();
            assert!(c[..3].contains(p));
        }
    }
}
