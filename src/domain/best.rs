//! "Best available": which seats to offer when a buyer asks for N seats rather than naming them.
//! Best means, in order: leaving no single empty seat stranded (between taken seats, an aisle
//! or a row end) when any choice avoids it, then the section listed first in the layout, the
//! row nearest the stage, then the seats closest to the row's centre. N seats side by side in
//! one row (consecutive numbers, no aisle between) beat any scattered set.

use crate::domain::{Seat, SeatStatus};

/// A set of seats to try, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub labels: Vec<String>,
    /// All in one row, side by side.
    pub together: bool,
    /// Single empty seats this pick would strand next to it (0 or more; only ever above 0
    /// when no block avoids it).
    pub orphans: usize,
}

/// Ranked candidate blocks of `n` adjacent available seats; when none exists, one scattered
/// pick of the `n` best single seats. `seats` is every seat of the event in layout order
/// (available or not: the row's centre counts every seat).
pub fn candidates(seats: &[Seat], n: usize) -> Vec<Pick> {
    if n == 0 {
        return Vec::new();
    }
    let mut blocks: Vec<((i64, i64, i64, i64), Pick)> = Vec::new();
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
        let free_at = |number: i64| {
            row.iter()
                .any(|s| s.number == number && s.status == SeatStatus::Available)
        };
        // The seat beside the block is free, but the one beyond it is not (taken, an aisle
        // or the row's end): taking the block would leave it alone.
        let strands = |beside: i64, beyond: i64| free_at(beside) && !free_at(beyond);
        for w in free.windows(n) {
            let (a, b) = (w[0].number, w[n - 1].number);
            if b - a != n as i64 - 1 {
                continue; // a gap (aisle or taken seat) splits the party
            }
            let orphans = strands(a - 1, a - 2) as usize + strands(b + 1, b + 2) as usize;
            let d = (a + b - centre2).abs();
            blocks.push((
                (orphans as i64, w[0].section_pos, w[0].row_pos, d),
                Pick {
                    labels: w.iter().map(|s| s.label.clone()).collect(),
                    together: true,
                    orphans,
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
        orphans: 0,
    }]
}

/// Spreads concurrent buyers: pick at random among the few best candidates, so two terminals
/// asking at the same moment rarely reach for the same seats (the loser simply retries). Never
/// spreads onto a pick that strands more seats than the best one.
pub fn choose(cands: &[Pick], spread: usize) -> Option<&Pick> {
    let first = cands.first()?;
    let equal = cands
        .iter()
        .take_while(|p| p.orphans == first.orphans)
        .count();
    let top = equal.min(spread.max(1));
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
        // Every block in row A that strands no seat (5 of them) comes before row B.
        let first_b = c.iter().position(|p| p.labels[0].starts_with('B')).unwrap();
        assert_eq!(first_b, 5, "{c:?}");
        assert!(c[..first_b].iter().all(|p| p.orphans == 0));
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
                together: false,
                orphans: 0,
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

    #[test]
    fn never_strands_a_single_seat_when_a_choice_avoids_it() {
        // Row A: 1 2 3 4 5 6 7, with 1 and 7 taken. A centred pair (3-4 or 4-5) would leave
        // seat 2 or 6 alone; 2-3 leaves 4 5 6 together, so it wins over the centre.
        let s = seats(
            &format!("section,row,seat\n{}", row("A", 7)),
            &["A-1", "A-7"],
        );
        let c = candidates(&s, 2);
        assert_eq!(c[0].orphans, 0);
        assert!(
            c[0].labels == ["A-2", "A-3"] || c[0].labels == ["A-5", "A-6"],
            "{:?}",
            c[0]
        );
        // At a row end too: in 1..4 with nothing taken, 2-3 strands both 1 and 4.
        let s = seats(&format!("section,row,seat\n{}", row("A", 4)), &[]);
        let c = candidates(&s, 2);
        assert_eq!(c[0].orphans, 0);
        assert!(
            c.iter()
                .any(|p| p.labels == ["A-2", "A-3"] && p.orphans == 2)
        );
        // A back row without orphans beats a front row with one.
        let s = seats(
            &format!("section,row,seat\n{}{}", row("A", 3), row("B", 4)),
            &["A-3"],
        );
        assert_eq!(candidates(&s, 1)[0].labels.len(), 1);
        let c = candidates(&s, 2);
        // A: 1 2 free, 3 taken: 1-2 leaves nothing behind. B: 1 2 3 4 free.
        assert_eq!(c[0].labels, ["A-1", "A-2"]);
        let s = seats(
            &format!("section,row,seat\n{}{}", row("A", 4), row("B", 4)),
            &["A-4"],
        );
        // A: 1 2 3 free: any pair strands one. B: 1-2 or 3-4 strand none.
        let c = candidates(&s, 2);
        assert!(
            c[0].labels[0].starts_with("B-") && c[0].orphans == 0,
            "{:?}",
            c[0]
        );
    }

    #[test]
    fn falls_back_to_stranding_only_when_nothing_else_is_left() {
        // 1 2 3 free, a pair must strand one seat: it is offered, and says so.
        let s = seats(&format!("section,row,seat\n{}", row("A", 3)), &[]);
        let c = candidates(&s, 2);
        assert!(!c.is_empty() && c.iter().all(|p| p.orphans == 1), "{c:?}");
        for _ in 0..20 {
            assert_eq!(choose(&c, 8).unwrap().orphans, 1);
        }
        // choose never spreads from an orphan-free pick onto a stranding one.
        let s = seats(
            &format!("section,row,seat\n{}", row("A", 7)),
            &["A-1", "A-7"],
        );
        let c = candidates(&s, 2);
        for _ in 0..50 {
            assert_eq!(choose(&c, 8).unwrap().orphans, 0);
        }
    }

    proptest::proptest! {
        #[test]
        fn picks_exactly_n_free_seats(
            taken in proptest::collection::vec(proptest::bool::ANY, 1..40),
            width in 3usize..10,
            n in 1usize..5,
        ) {
            let csv: String = (0..taken.len())
                .map(|i| format!("S,R{},{}\n", i / width + 1, i % width + 1))
                .collect();
            let labels: Vec<String> = (0..taken.len())
                .filter(|i| taken[*i])
                .map(|i| format!("R{}-{}", i / width + 1, i % width + 1))
                .collect();
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            let s = seats(&format!("section,row,seat\n{csv}"), &refs);
            let free = s.iter().filter(|x| x.status == SeatStatus::Available).count();
            let c = candidates(&s, n);
            proptest::prop_assert_eq!(c.is_empty(), free < n);
            for p in &c {
                proptest::prop_assert_eq!(p.labels.len(), n);
                let mut uniq = p.labels.clone();
                uniq.sort();
                uniq.dedup();
                proptest::prop_assert_eq!(uniq.len(), n);
                for l in &p.labels {
                    proptest::prop_assert!(!refs.contains(&l.as_str()), "offered taken seat {}", l);
                }
            }
            // Orphan-free picks always come first.
            let first = c.first().map_or(0, |p| p.orphans);
            proptest::prop_assert!(c.iter().all(|p| p.orphans >= first));
        }
    }
}
