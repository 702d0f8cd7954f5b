//! "Best available": which seats to offer when a buyer asks for N seats rather than naming them.
//! Best means, in order: not giving away accessible or companion seats a party did not ask for,
//! leaving no single empty seat stranded (between taken seats, an aisle or a row end) when any
//! choice avoids it, then the section listed first in the layout, the row nearest the stage,
//! then the seats closest to the row's centre. N seats side by side in one row (consecutive
//! places along it, no aisle between) beat any scattered set. A seat's place is its position
//! when the layout gives one (odd/even sides, centre-outwards and snake numbering), else its
//! number ([`Seat::pos`]); the centre is the middle of the row's places.
//!
//! A party asking for accessible seats (`accessible: k`) gets a block of N side by side that
//! holds at least k accessible seats, the rest companion seats where the layout has them; it is
//! never scattered (an accessible seat apart from its companions is no use).

use crate::domain::{Seat, SeatStatus};

/// What the buyer asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    /// Seats in the party.
    pub n: usize,
    /// Of them, how many must be accessible (wheelchair spaces); 0 for none.
    pub accessible: usize,
}

impl Want {
    pub fn seats(n: usize) -> Want {
        Want { n, accessible: 0 }
    }
}

/// A set of seats to try, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub labels: Vec<String>,
    /// All in one row, side by side.
    pub together: bool,
    /// Single empty seats this pick would strand next to it (0 or more; only ever above 0
    /// when no block avoids it).
    pub orphans: usize,
    /// Accessible or companion seats this pick gives to a party that did not ask for them
    /// (only ever above 0 when nothing else was left).
    pub access_spent: usize,
}

/// How a choice ranks: lower is better, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    access_spent: usize,
    orphans: usize,
    /// Ordinary seats where companion seats would serve an accessible party better.
    plain_beside: usize,
    section_pos: i64,
    row_pos: i64,
    /// Twice the distance from the row's centre.
    off_centre: i64,
}

/// What to tell the buyer about a pick that is less than ideal (none for an ideal one):
/// seats apart, a single seat stranded, accessible seats spent.
pub fn remarks(together: bool, orphans: usize, access_spent: usize) -> Vec<&'static str> {
    let mut out = Vec::new();
    if !together {
        out.push("No seats side by side were left: these are the best ones apart.");
    } else if orphans > 0 {
        out.push("Every choice left a single seat empty beside the party: this one was the best.");
    }
    if access_spent > 0 {
        out.push("Only accessible or companion seats were left: these include some.");
    }
    out
}

impl Pick {
    pub fn remarks(&self) -> Vec<&'static str> {
        remarks(self.together, self.orphans, self.access_spent)
    }
}

/// Ranked candidate blocks of `want.n` adjacent available seats; when none exists (and no
/// accessible seat was asked for), one scattered pick of the best single seats. `seats` is every
/// seat of the event in layout order (available or not: the row's centre counts every seat).
pub fn candidates(seats: &[Seat], want: Want) -> Vec<Pick> {
    let n = want.n;
    if n == 0 || want.accessible > n {
        return Vec::new();
    }
    let mut blocks: Vec<(Rank, Pick)> = Vec::new();
    let mut singles: Vec<(Rank, &Seat)> = Vec::new();
    for row in seats.chunk_by(|a, b| a.row_pos == b.row_pos && a.section_pos == b.section_pos) {
        // A general-admission area's places are sold by quantity, never as best seats.
        if row[0].area {
            continue;
        }
        let (lo, hi) = (row[0].pos(), row[row.len() - 1].pos());
        // Twice the centre, so distances stay integers.
        let centre2 = lo + hi;
        let free: Vec<&Seat> = row
            .iter()
            .filter(|s| s.status == SeatStatus::Available)
            .collect();
        for s in &free {
            let d = (2 * s.pos() - centre2).abs();
            let rank = Rank {
                access_spent: usize::from(s.attributes.for_access()),
                orphans: 0,
                plain_beside: 0,
                section_pos: s.section_pos,
                row_pos: s.row_pos,
                off_centre: d,
            };
            singles.push((rank, s));
        }
        // A set, not a scan of the row per block: a `--seats N` event is one row of N.
        let free_places: std::collections::HashSet<i64> = free.iter().map(|s| s.pos()).collect();
        let free_at = |place: i64| free_places.contains(&place);
        // The seat beside the block is free, but the one beyond it is not (taken, an aisle
        // or the row's end): taking the block would leave it alone.
        let strands = |beside: i64, beyond: i64| free_at(beside) && !free_at(beyond);
        for w in free.windows(n) {
            let (a, b) = (w[0].pos(), w[n - 1].pos());
            if b - a != n as i64 - 1 {
                continue; // a gap (aisle or taken seat) splits the party
            }
            let accessible = w.iter().filter(|s| s.attributes.accessible).count();
            let companions = w.iter().filter(|s| s.attributes.companion).count();
            if accessible < want.accessible {
                continue;
            }
            // For an accessible party: surplus wheelchair spaces are spent, and the seats
            // beside them are best companion seats. For anyone else every such seat is spent.
            let (spent, plain_beside) = if want.accessible > 0 {
                let rest = n - want.accessible;
                (
                    accessible - want.accessible,
                    rest.saturating_sub(companions),
                )
            } else {
                (accessible + companions, 0)
            };
            let orphans = strands(a - 1, a - 2) as usize + strands(b + 1, b + 2) as usize;
            let d = (a + b - centre2).abs();
            let rank = Rank {
                access_spent: spent,
                orphans,
                plain_beside,
                section_pos: w[0].section_pos,
                row_pos: w[0].row_pos,
                off_centre: d,
            };
            blocks.push((
                rank,
                Pick {
                    labels: w.iter().map(|s| s.label.clone()).collect(),
                    together: true,
                    orphans,
                    access_spent: spent,
                },
            ));
        }
    }
    if !blocks.is_empty() {
        blocks.sort_by_key(|(k, _)| *k);
        return blocks.into_iter().map(|(_, p)| p).collect();
    }
    if want.accessible > 0 || singles.len() < n {
        return Vec::new();
    }
    singles.sort_by_key(|(k, _)| *k);
    let chosen: Vec<&Seat> = singles.iter().take(n).map(|(_, s)| *s).collect();
    vec![Pick {
        labels: chosen.iter().map(|s| s.label.clone()).collect(),
        together: false,
        orphans: 0,
        access_spent: chosen.iter().filter(|s| s.attributes.for_access()).count(),
    }]
}

/// Offers only seats of `category`: the others still shape each row's centre, so they stay in
/// the list, marked as not for sale.
pub fn only_category(seats: &mut [Seat], category: &str) {
    for s in seats {
        if s.category.as_deref() != Some(category) {
            s.status = SeatStatus::Reserved;
        }
    }
}

/// Spreads concurrent buyers: pick at random among the few best candidates, so two terminals
/// asking at the same moment rarely reach for the same seats (the loser simply retries). Never
/// spreads onto a pick that strands more seats, or spends more accessible seats, than the best.
pub fn choose<'a>(cands: impl IntoIterator<Item = &'a Pick>, spread: usize) -> Option<&'a Pick> {
    let mut cands = cands.into_iter();
    let first = cands.next()?;
    let mut top = vec![first];
    top.extend(
        cands
            .take_while(|p| p.orphans == first.orphans && p.access_spent == first.access_spent)
            .take(spread.max(1) - 1),
    );
    Some(top[fastrand::usize(0..top.len())])
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
        let c = candidates(&s, Want::seats(3));
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
        let c = candidates(&s, Want::seats(2));
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
        let c = candidates(&s, Want::seats(2));
        assert_eq!(
            c,
            [Pick {
                labels: vec!["A-3".into(), "A-1".into()],
                together: false,
                orphans: 0,
                access_spent: 0,
            }]
        );
        assert!(
            candidates(&s, Want::seats(4)).is_empty(),
            "not enough seats left"
        );
    }

    #[test]
    fn choose_stays_within_the_top() {
        let s = seats(&format!("section,row,seat\n{}", row("A", 20)), &[]);
        let c = candidates(&s, Want::seats(2));
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
        let c = candidates(&s, Want::seats(2));
        assert_eq!(c[0].orphans, 0);
        assert!(
            c[0].labels == ["A-2", "A-3"] || c[0].labels == ["A-5", "A-6"],
            "{:?}",
            c[0]
        );
        // At a row end too: in 1..4 with nothing taken, 2-3 strands both 1 and 4.
        let s = seats(&format!("section,row,seat\n{}", row("A", 4)), &[]);
        let c = candidates(&s, Want::seats(2));
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
        assert_eq!(candidates(&s, Want::seats(1))[0].labels.len(), 1);
        let c = candidates(&s, Want::seats(2));
        // A: 1 2 free, 3 taken: 1-2 leaves nothing behind. B: 1 2 3 4 free.
        assert_eq!(c[0].labels, ["A-1", "A-2"]);
        let s = seats(
            &format!("section,row,seat\n{}{}", row("A", 4), row("B", 4)),
            &["A-4"],
        );
        // A: 1 2 3 free: any pair strands one. B: 1-2 or 3-4 strand none.
        let c = candidates(&s, Want::seats(2));
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
        let c = candidates(&s, Want::seats(2));
        assert!(!c.is_empty() && c.iter().all(|p| p.orphans == 1), "{c:?}");
        for _ in 0..20 {
            assert_eq!(choose(&c, 8).unwrap().orphans, 1);
        }
        // choose never spreads from an orphan-free pick onto a stranding one.
        let s = seats(
            &format!("section,row,seat\n{}", row("A", 7)),
            &["A-1", "A-7"],
        );
        let c = candidates(&s, Want::seats(2));
        for _ in 0..50 {
            assert_eq!(choose(&c, 8).unwrap().orphans, 0);
        }
    }

    #[test]
    fn accessible_parties_get_wheelchair_spaces_beside_companion_seats() {
        // Row A: 1 accessible, 2 companion, 3-6 plain, 7 companion, 8 accessible. Row B plain.
        let hall = format!(
            "section,row,seat,attributes\nS,A,1,accessible\nS,A,2,companion\n\
             S,A,3,\nS,A,4,\nS,A,5,\nS,A,6,\nS,A,7,companion\nS,A,8,accessible\n{}",
            (1..=8).map(|i| format!("S,B,{i},\n")).collect::<String>()
        );
        let want = |n, accessible| Want { n, accessible };
        let s = seats(&hall, &[]);
        let c = candidates(&s, want(2, 1));
        assert!(
            c[0].labels == ["A-1", "A-2"] || c[0].labels == ["A-7", "A-8"],
            "{c:?}"
        );
        assert_eq!(c[0].access_spent, 0);
        assert!(
            c.iter()
                .all(|p| p.labels.iter().any(|l| l == "A-1" || l == "A-8"))
        );
        // A third seat beside them is an ordinary one: still the same ends of row A.
        let c = candidates(&s, want(3, 1));
        assert!(
            c[0].labels == ["A-1", "A-2", "A-3"] || c[0].labels == ["A-6", "A-7", "A-8"],
            "{c:?}"
        );
        // No block holds two wheelchair spaces; a lone one is no use: nothing is offered.
        assert!(candidates(&s, want(2, 2)).is_empty());
        let gone = seats(&hall, &["A-1", "A-8"]);
        assert!(candidates(&gone, want(2, 1)).is_empty());
        // Anyone else is kept off them while plain seats remain, even in a worse row.
        let c = candidates(&s, want(2, 0));
        assert_eq!(c[0].labels, ["A-4", "A-5"]);
        let spent = c.iter().position(|p| p.access_spent > 0).unwrap();
        assert!(c[..spent].iter().all(|p| p.access_spent == 0));
        assert!(c[spent..].iter().all(|p| p.access_spent > 0));
        // Row A has 4 plain seats side by side, not 5.
        let c = candidates(&s, want(5, 0));
        assert!(c[0].labels.iter().all(|l| l.starts_with("B-")), "{c:?}");
        // ...and only given them, saying so, when nothing else is left.
        let full: Vec<String> = (3..=6)
            .map(|i| format!("A-{i}"))
            .chain((1..=8).map(|i| format!("B-{i}")))
            .collect();
        let full: Vec<&str> = full.iter().map(String::as_str).collect();
        let c = candidates(&seats(&hall, &full), want(2, 0));
        assert_eq!(c[0].access_spent, 2, "{c:?}");
        for _ in 0..20 {
            assert_eq!(choose(&c, 8).unwrap().access_spent, 2);
        }
    }

    proptest::proptest! {
        #[test]
        fn picks_exactly_n_free_seats(
            taken in proptest::collection::vec(proptest::bool::ANY, 1..40),
            width in 3usize..10,
            n in 1usize..5,
            accessible in 0usize..3,
        ) {
            let attr = |i: usize| match (i * 7 + width) % 11 {
                0 => "accessible",
                1 | 2 => "companion",
                _ => "",
            };
            let csv: String = (0..taken.len())
                .map(|i| format!("S,R{},{},{}\n", i / width + 1, i % width + 1, attr(i)))
                .collect();
            let labels: Vec<String> = (0..taken.len())
                .filter(|i| taken[*i])
                .map(|i| format!("R{}-{}", i / width + 1, i % width + 1))
                .collect();
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            let s = seats(&format!("section,row,seat,attributes\n{csv}"), &refs);
            let free = s.iter().filter(|x| x.status == SeatStatus::Available).count();
            let c = candidates(&s, Want::seats(n));
            proptest::prop_assert_eq!(c.is_empty(), free < n);
            // A party needing wheelchair spaces gets them, side by side with the rest.
            let k = accessible.min(n);
            for p in candidates(&s, Want { n, accessible: k }).into_iter().filter(|_| k > 0) {
                proptest::prop_assert!(p.together);
                let acc = p.labels.iter().filter(|l| {
                    s.iter().any(|x| &x.label == *l && x.attributes.accessible)
                }).count();
                proptest::prop_assert!(acc >= k, "{:?} has {} accessible, {} asked", p, acc, k);
                for l in &p.labels {
                    proptest::prop_assert!(!refs.contains(&l.as_str()), "offered taken seat {}", l);
                }
            }
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
            // Picks that spend no accessible seat come first, then orphan-free ones.
            let first = c.first().map_or((0, 0), |p| (p.access_spent, p.orphans));
            proptest::prop_assert!(c.iter().all(|p| (p.access_spent, p.orphans) >= first));
        }
    }
}
