//! Linearizability of one object's history: is there an order of its operations, each taking
//! effect at one instant between its call and its answer, that a sequential model accepts with
//! exactly the answers the callers got? The search is Wing & Gong's, with Lowe's memo of
//! (operations linearized, model state) pairs already explored, as Porcupine implements it
//! (G. Lowe, "Testing for linearizability", 2017; github.com/anishathalye/porcupine).
//!
//! Operations with an unknown outcome (a timeout, a lost connection) answer at "never"
//! (`i64::MAX`), so they may take effect at any point after their call, or not at all: the
//! model offers both as successor states.

use std::collections::HashSet;
use std::hash::Hash;

/// A sequential specification: from a state, the states an operation can lead to given the
/// answer its caller received. No successor means the answer is impossible from that state.
pub trait Model {
    type State: Clone + Eq + Hash;

    fn init(&self) -> Self::State;

    /// Successor states of operation `op` (an index into the history) applied to `state`.
    fn step(&self, state: &Self::State, op: usize) -> Vec<Self::State>;

    /// Whether `op` never changes the state (a read, a refusal): when its answer fits the
    /// current state it is placed at once and never tried later, which is sound (placing a
    /// read earlier changes nothing for the others) and keeps many concurrent reads from
    /// multiplying the search.
    fn pure(&self, _op: usize) -> bool {
        false
    }
}

/// The checker's answer for one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Linearizable,
    /// No order explains the answers. `stuck` is an operation that could not be placed
    /// before its answer in the longest order found.
    Violation {
        stuck: usize,
    },
    /// The search explored `budget` states without deciding (reported, never counted as
    /// passing).
    Unknown,
}

const HEAD: usize = usize::MAX - 1;
const NIL: usize = usize::MAX;

/// Decides whether the operations `spans` (call and answer times, any unit, answer ≥ call;
/// `i64::MAX` for an unknown outcome) are linearizable under `model`. Explores at most
/// `budget` states.
pub fn check<M: Model>(model: &M, spans: &[(i64, i64)], budget: u64) -> Verdict {
    let n = spans.len();
    if n == 0 {
        return Verdict::Linearizable;
    }
    // Entries: 2i is op i's call, 2i+1 its answer; sorted by time, calls before answers at
    // equal times (touching operations count as concurrent: never a false violation).
    let mut order: Vec<usize> = (0..2 * n).collect();
    let time = |e: usize| {
        let (c, r) = spans[e / 2];
        if e.is_multiple_of(2) { c } else { r.max(c) }
    };
    order.sort_by_key(|&e| (time(e), e % 2, e / 2));
    let mut next = vec![NIL; 2 * n];
    let mut prev = vec![NIL; 2 * n];
    let mut head_next = order[0];
    for w in order.windows(2) {
        next[w[0]] = w[1];
        prev[w[1]] = w[0];
    }
    prev[order[0]] = HEAD;

    struct Frame<S> {
        op: usize,
        before: S,
        alts: Vec<S>,
        next_alt: usize,
        /// A pure operation placed greedily: backtracking goes straight past it.
        greedy: bool,
    }
    let words = n.div_ceil(64);
    let mut done = vec![0u64; words];
    let mut seen: HashSet<(Vec<u64>, M::State)> = HashSet::new();
    let mut stack: Vec<Frame<M::State>> = Vec::new();
    let mut state = model.init();
    let mut at = head_next;
    let mut explored = 0u64;
    // The longest order found, and the operation it could not place.
    let mut deepest = (0usize, 0usize);

    // Unlinks an entry; `relink` undoes it (entries are relinked in reverse order).
    macro_rules! unlink {
        ($e:expr) => {{
            let e = $e;
            let (p, nx) = (prev[e], next[e]);
            if p == HEAD {
                head_next = nx;
            } else {
                next[p] = nx;
            }
            if nx != NIL {
                prev[nx] = p;
            }
        }};
    }
    macro_rules! relink {
        ($e:expr) => {{
            let e = $e;
            let (p, nx) = (prev[e], next[e]);
            if p == HEAD {
                head_next = e;
            } else {
                next[p] = e;
            }
            if nx != NIL {
                prev[nx] = e;
            }
        }};
    }

    loop {
        if head_next == NIL {
            return Verdict::Linearizable;
        }
        explored += 1;
        if explored > budget {
            return Verdict::Unknown;
        }
        if at != NIL && at.is_multiple_of(2) {
            // A call: try to let the operation take effect now.
            let op = at / 2;
            let alts = model.step(&state, op);
            let greedy = !alts.is_empty() && model.pure(op);
            if let Some(mut frame) = place(op, alts, 0, &mut done, &mut seen, &state) {
                frame.greedy = greedy;
                state = frame.alts[frame.next_alt - 1].clone();
                stack.push(frame);
                unlink!(2 * op + 1);
                unlink!(2 * op);
                at = head_next;
            } else {
                at = next[at];
            }
            continue;
        }
        // An answer: its operation should have taken effect already. Undo the latest choice
        // and try its next alternative, or move past it.
        let stuck = if at == NIL { deepest.1 } else { at / 2 };
        if stack.len() >= deepest.0 {
            deepest = (stack.len(), stuck);
        }
        // Undo greedy placements on the way: trying them later cannot help.
        let frame = loop {
            let Some(frame) = stack.pop() else {
                return Verdict::Violation { stuck: deepest.1 };
            };
            let op = frame.op;
            done[op / 64] &= !(1 << (op % 64));
            relink!(2 * op);
            relink!(2 * op + 1);
            state = frame.before.clone();
            if !frame.greedy {
                break frame;
            }
        };
        let op = frame.op;
        if let Some(again) = place(op, frame.alts, frame.next_alt, &mut done, &mut seen, &state) {
            state = again.alts[again.next_alt - 1].clone();
            stack.push(again);
            unlink!(2 * op + 1);
            unlink!(2 * op);
            at = head_next;
        } else {
            at = next[2 * op];
        }
    }

    /// The first alternative from `from` on whose (linearized set, state) pair is new.
    fn place<S: Clone + Eq + Hash>(
        op: usize,
        alts: Vec<S>,
        from: usize,
        done: &mut [u64],
        seen: &mut HashSet<(Vec<u64>, S)>,
        before: &S,
    ) -> Option<Frame<S>> {
        done[op / 64] |= 1 << (op % 64);
        for k in from..alts.len() {
            if seen.insert((done.to_vec(), alts[k].clone())) {
                return Some(Frame {
                    op,
                    before: before.clone(),
                    alts,
                    next_alt: k + 1,
                    greedy: false,
                });
            }
        }
        done[op / 64] &= !(1 << (op % 64));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A register: write(v) or read() -> v.
    #[derive(Clone, Copy)]
    enum Reg {
        Write(u8),
        Read(u8),
        /// A write whose outcome is unknown.
        MaybeWrite(u8),
    }
    struct Register(Vec<Reg>);
    impl Model for Register {
        type State = u8;
        fn init(&self) -> u8 {
            0
        }
        fn step(&self, s: &u8, op: usize) -> Vec<u8> {
            match self.0[op] {
                Reg::Write(v) => vec![v],
                Reg::Read(v) if v == *s => vec![*s],
                Reg::Read(_) => vec![],
                Reg::MaybeWrite(v) => vec![*s, v],
            }
        }
        fn pure(&self, op: usize) -> bool {
            matches!(self.0[op], Reg::Read(_))
        }
    }

    fn run(ops: &[(Reg, i64, i64)]) -> Verdict {
        let model = Register(ops.iter().map(|o| o.0).collect());
        let spans: Vec<(i64, i64)> = ops.iter().map(|o| (o.1, o.2)).collect();
        check(&model, &spans, 1_000_000)
    }

    #[test]
    fn sequential_histories_follow_the_model() {
        use Reg::*;
        assert_eq!(
            run(&[(Write(1), 0, 1), (Read(1), 2, 3)]),
            Verdict::Linearizable
        );
        // A stale read after the write answered: impossible.
        assert!(matches!(
            run(&[(Write(1), 0, 1), (Read(0), 2, 3)]),
            Verdict::Violation { stuck: 1 }
        ));
    }

    #[test]
    fn overlapping_operations_may_take_effect_in_either_order() {
        use Reg::*;
        // The read overlaps the write: old or new value are both fine.
        assert_eq!(
            run(&[(Write(1), 0, 10), (Read(0), 2, 3)]),
            Verdict::Linearizable
        );
        assert_eq!(
            run(&[(Write(1), 0, 10), (Read(1), 2, 3)]),
            Verdict::Linearizable
        );
        // Two reads inside one write cannot see new then old.
        assert!(matches!(
            run(&[(Write(1), 0, 10), (Read(1), 2, 3), (Read(0), 4, 5)]),
            Verdict::Violation { .. }
        ));
        // Two concurrent writes, then reads agreeing on the last one: fine either way.
        assert_eq!(
            run(&[
                (Write(1), 0, 10),
                (Write(2), 1, 9),
                (Read(1), 11, 12),
                (Read(1), 13, 14)
            ]),
            Verdict::Linearizable
        );
        assert!(matches!(
            run(&[
                (Write(1), 0, 10),
                (Write(2), 1, 9),
                (Read(1), 11, 12),
                (Read(2), 13, 14)
            ]),
            Verdict::Violation { .. }
        ));
    }

    #[test]
    fn unknown_outcomes_may_or_may_not_have_happened() {
        use Reg::*;
        assert_eq!(
            run(&[(MaybeWrite(5), 0, i64::MAX), (Read(5), 2, 3)]),
            Verdict::Linearizable
        );
        assert_eq!(
            run(&[(MaybeWrite(5), 0, i64::MAX), (Read(0), 2, 3)]),
            Verdict::Linearizable
        );
        // But not before it was called.
        assert!(matches!(
            run(&[(Read(5), 0, 1), (MaybeWrite(5), 2, i64::MAX)]),
            Verdict::Violation { .. }
        ));
    }

    #[test]
    fn the_budget_is_reported_not_passed() {
        use Reg::*;
        // Overlapping writes of a value never read back: undecidable within 10 states.
        let ops: Vec<(Reg, i64, i64)> = (0..20).map(|i| (Write(i as u8), i, 100)).collect();
        let model = Register(ops.iter().map(|o| o.0).chain([Read(77)]).collect());
        let mut spans: Vec<(i64, i64)> = ops.iter().map(|o| (o.1, o.2)).collect();
        spans.push((200, 201));
        assert_eq!(check(&model, &spans, 10), Verdict::Unknown);
    }

    #[test]
    fn many_concurrent_reads_are_decided_quickly() {
        use Reg::*;
        // 2 000 overlapping reads around two writes: the greedy placement of reads keeps the
        // search small (without it, every subset of pending reads is a state).
        let mut ops: Vec<(Reg, i64, i64)> = vec![(Write(1), 0, 10), (Write(2), 5000, 5010)];
        for i in 0..2000 {
            let v = if i < 1000 { 1 } else { 2 };
            ops.push((
                Read(v),
                20 + i as i64 * 5 - (i as i64 % 1000) * 5,
                4990 + (i / 1000) as i64 * 5030,
            ));
        }
        let model = Register(ops.iter().map(|o| o.0).collect());
        let spans: Vec<(i64, i64)> = ops.iter().map(|o| (o.1, o.2)).collect();
        assert_eq!(check(&model, &spans, 100_000), Verdict::Linearizable);
        // And one read of a value never there is still caught.
        let mut bad = ops.clone();
        bad.push((Read(9), 30, 40));
        let model = Register(bad.iter().map(|o| o.0).collect());
        let spans: Vec<(i64, i64)> = bad.iter().map(|o| (o.1, o.2)).collect();
        assert!(matches!(
            check(&model, &spans, 100_000),
            Verdict::Violation { .. }
        ));
    }
}
