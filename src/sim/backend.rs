//! Where buyers send their operations: seatctl's real `Reserver`, one per database connection,
//! or a no-op backend that answers at once (the simulator's own benchmark).

use std::time::Duration;

use uuid::Uuid;

use crate::app::strategy::{Effort, Reserver};
use crate::app::{Actor, Fault, HoldRequest};
use crate::contract::{HoldInfo, Released, ReservationInfo};
use crate::domain::best::Want;
use crate::error::Result;

/// What a buyer asks of the system under test, and nothing more. Two implementations: the
/// real `Reserver` (the `hold`, `reserve` and `release` commands' own paths) and [`Noop`].
/// How a simulated buyer's seats are chosen.
#[derive(Debug, Clone, Copy)]
pub enum Choice<'a> {
    /// The seats the buyer picked (`req.labels`).
    Labels,
    /// The `n` best available seats.
    Best(usize),
    /// `quantity` places of a general-admission area of `capacity` places (`simulate --area`).
    Area {
        area: &'a str,
        capacity: i64,
        quantity: usize,
    },
}

pub trait Backend: Send + Sync + 'static {
    /// Holds the seats `choice` says: `req.labels`, the best N, or places of an area.
    fn hold(
        &self,
        req: &HoldRequest<'_>,
        choice: Choice<'_>,
        effort: &mut Effort,
    ) -> impl Future<Output = Result<HoldInfo>> + Send;

    /// Turns the hold into a reservation in `holder`'s name.
    fn reserve(
        &self,
        hold_id: Uuid,
        holder: &str,
        actor: &Actor,
        effort: &mut Effort,
    ) -> impl Future<Output = Result<ReservationInfo>> + Send;

    /// Lets the hold's (or its reservation's) seats go again.
    fn release(
        &self,
        hold_id: Uuid,
        actor: &Actor,
        effort: &mut Effort,
    ) -> impl Future<Output = Result<Released>> + Send;

    /// Extends the hold to `ttl_ms` from now (`fault`: the simulator's sabotage).
    fn extend(
        &self,
        hold_id: Uuid,
        ttl_ms: i64,
        fault: Option<Fault>,
        effort: &mut Effort,
    ) -> impl Future<Output = Result<HoldInfo>> + Send;

    /// The latest holds of this run on the event (`simulate --mix`: what to act on).
    fn recent_holds(
        &self,
        event_id: Uuid,
        holder_prefix: &str,
    ) -> impl Future<Output = Result<Vec<Uuid>>> + Send;
}

impl Backend for Reserver {
    async fn hold(
        &self,
        req: &HoldRequest<'_>,
        choice: Choice<'_>,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        match choice {
            Choice::Best(n) => self
                .hold_best(req, Want::seats(n), None, None, effort)
                .await
                .map(|(hold, _)| hold),
            Choice::Area {
                area,
                capacity,
                quantity,
            } => self.hold_area(req, area, capacity, quantity, effort).await,
            Choice::Labels => Reserver::hold(self, req, effort).await,
        }
    }

    async fn reserve(
        &self,
        hold_id: Uuid,
        holder: &str,
        actor: &Actor,
        effort: &mut Effort,
    ) -> Result<ReservationInfo> {
        Reserver::reserve(self, hold_id, Some(holder), None, actor, effort).await
    }

    async fn release(&self, hold_id: Uuid, actor: &Actor, effort: &mut Effort) -> Result<Released> {
        // A simulated buyer releases what its hold became, a sale included.
        Reserver::release(self, hold_id, actor, true, effort).await
    }

    async fn extend(
        &self,
        hold_id: Uuid,
        ttl_ms: i64,
        fault: Option<Fault>,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        self.extend_with(hold_id, ttl_ms, fault, effort).await
    }

    async fn recent_holds(&self, event_id: Uuid, holder_prefix: &str) -> Result<Vec<Uuid>> {
        self.store().recent_holds(event_id, holder_prefix, 64).await
    }
}

/// The no-op backend: every operation succeeds at once, with made-up ids, so that
/// `benches/simulator.rs` measures nothing but the simulator's own overhead.
#[derive(Debug, Clone, Copy, Default)]
pub struct Noop;

impl Backend for Noop {
    async fn hold(
        &self,
        req: &HoldRequest<'_>,
        _choice: Choice<'_>,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        effort.tries.push(Duration::ZERO);
        Ok(HoldInfo {
            hold_id: Uuid::from_u128(fastrand::u128(..)),
            event_id: req.event_id,
            seats: req.labels.to_vec(),
            expires_at: chrono::DateTime::UNIX_EPOCH,
            holder: None,
            replayed: false,
            reservation_id: None,
            lifetime_capped: false,
            change_id: None,
        })
    }

    async fn reserve(
        &self,
        hold_id: Uuid,
        _holder: &str,
        _actor: &Actor,
        effort: &mut Effort,
    ) -> Result<ReservationInfo> {
        effort.tries.push(Duration::ZERO);
        Ok(ReservationInfo {
            reservation_id: Uuid::from_u128(fastrand::u128(..)),
            hold_id,
            event_id: Uuid::nil(),
            seats: Vec::new(),
            customer: None,
            reference: None,
            replayed: false,
            total: None,
            change_id: None,
        })
    }

    async fn release(
        &self,
        hold_id: Uuid,
        _actor: &Actor,
        effort: &mut Effort,
    ) -> Result<Released> {
        effort.tries.push(Duration::ZERO);
        Ok(Released {
            id: hold_id,
            kind: "hold",
            event_id: Uuid::nil(),
            reservation_id: None,
            seats: Vec::new(),
            already_released: false,
            kept: None,
            change_id: None,
        })
    }

    async fn extend(
        &self,
        hold_id: Uuid,
        _ttl_ms: i64,
        _fault: Option<Fault>,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        effort.tries.push(Duration::ZERO);
        Ok(HoldInfo {
            hold_id,
            event_id: Uuid::nil(),
            seats: Vec::new(),
            expires_at: chrono::DateTime::UNIX_EPOCH,
            holder: None,
            replayed: false,
            reservation_id: None,
            lifetime_capped: false,
            change_id: None,
        })
    }

    async fn recent_holds(&self, _event_id: Uuid, _holder_prefix: &str) -> Result<Vec<Uuid>> {
        Ok(Vec::new())
    }
}
