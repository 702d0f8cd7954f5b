//! Where buyers send their operations: seatctl's real `Reserver`, one per database connection,
//! or a no-op backend that answers at once (the simulator's own benchmark).

use std::time::Duration;

use uuid::Uuid;

use crate::app::strategy::{Effort, Reserver};
use crate::app::{Actor, HoldRequest};
use crate::contract::{HoldInfo, ReservationInfo};
use crate::domain::best::Want;
use crate::error::Result;

/// What a buyer asks of the system under test, and nothing more. Two implementations: the
/// real `Reserver` (the `hold`, `reserve` and `release` commands' own paths) and [`Noop`].
pub trait Backend: Send + Sync + 'static {
    /// Holds `req.labels`, or with `best: Some(n)` the `n` best available seats.
    fn hold(
        &self,
        req: &HoldRequest<'_>,
        best: Option<usize>,
        effort: &mut Effort,
    ) -> impl Future<Output = Result<HoldInfo>> + Send;

    /// Turns the hold into a reservation in `holder`'s name.
    fn reserve(
        &self,
        hold: &HoldInfo,
        holder: &str,
        actor: &Actor,
        effort: &mut Effort,
    ) -> impl Future<Output = Result<ReservationInfo>> + Send;

    /// Lets the hold's seats go again.
    fn release(
        &self,
        hold: &HoldInfo,
        actor: &Actor,
        effort: &mut Effort,
    ) -> impl Future<Output = Result<()>> + Send;
}

impl Backend for Reserver {
    async fn hold(
        &self,
        req: &HoldRequest<'_>,
        best: Option<usize>,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        match best {
            Some(n) => self
                .hold_best(req, Want::seats(n), None, None, effort)
                .await
                .map(|(hold, _)| hold),
            None => Reserver::hold(self, req, effort).await,
        }
    }

    async fn reserve(
        &self,
        hold: &HoldInfo,
        holder: &str,
        actor: &Actor,
        effort: &mut Effort,
    ) -> Result<ReservationInfo> {
        Reserver::reserve(self, hold.hold_id, Some(holder), None, actor, effort).await
    }

    async fn release(&self, hold: &HoldInfo, actor: &Actor, effort: &mut Effort) -> Result<()> {
        Reserver::release(self, hold.hold_id, actor, effort)
            .await
            .map(|_| ())
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
        _best: Option<usize>,
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
        })
    }

    async fn reserve(
        &self,
        hold: &HoldInfo,
        _holder: &str,
        _actor: &Actor,
        effort: &mut Effort,
    ) -> Result<ReservationInfo> {
        effort.tries.push(Duration::ZERO);
        Ok(ReservationInfo {
            reservation_id: Uuid::from_u128(fastrand::u128(..)),
            hold_id: hold.hold_id,
            event_id: hold.event_id,
            seats: hold.seats.clone(),
            customer: None,
            reference: None,
            replayed: false,
        })
    }

    async fn release(&self, _hold: &HoldInfo, _actor: &Actor, effort: &mut Effort) -> Result<()> {
        effort.tries.push(Duration::ZERO);
        Ok(())
    }
}
