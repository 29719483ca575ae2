"""Storing the findings of facts as discrepancies, keeping editors' work.

A finding that persists keeps its row (status, note, history); a new one makes a row; one
that no longer holds is removed, or kept ``orphaned`` when an editor has worked on it and
brought back when its claims are. Only what changed is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from api.db import utcnow
from api.discrepancies import detection, stored
from api.discrepancies.models import Discrepancy, DiscrepancyClaim, DiscrepancyStatus
from api.discrepancies.parties import Parties


def store_findings(
    session: Session,
    found: Sequence[tuple[str, Sequence[detection.Finding], stored.StoredClaim | None, int | None]],
    parties: Parties,
) -> None:
    """Upsert the findings of several facts: ``(fact_key, findings, template, event_id)``.

    One query reads the facts' stored discrepancies, one statement clears their links;
    editors' status and notes stay on the rows that persist.
    """
    keys = [fact_key for fact_key, _, _, _ in found]
    kept: dict[str, Discrepancy] = {
        d.key: d
        for d in session.exec(select(Discrepancy).where(col(Discrepancy.fact_key).in_(keys)))
    }
    now = utcnow()
    placed: list[tuple[Discrepancy, detection.Finding]] = []
    for fact_key, findings, template, event_id in found:
        for finding in findings:
            row = kept.pop(finding.key, None)
            if row is None:
                row = Discrepancy(
                    kind=finding.kind,
                    key=finding.key,
                    fact_key=fact_key,
                    measure=template.measure if template else None,
                    subject=template.subject if template else None,
                    subject_side_id=parties.root(template.subject_side_id) if template else None,
                    base_unit=template.base_unit if template else None,
                    event_id=template.event_id if template else event_id,
                )
            elif row.orphaned_at is not None:
                row.updated_at = now
                row.orphaned_at = None  # its claims are back
            session.add(row)
            placed.append((row, finding))
    for gone in kept.values():
        _retire(session, gone)
    session.flush()
    orphaned = [d.id for d in kept.values() if d.id is not None]
    if orphaned:
        # Through the session, so the claims leaving are recorded in the change feed.
        for link in session.exec(
            select(DiscrepancyClaim).where(col(DiscrepancyClaim.discrepancy_id).in_(orphaned))
        ):
            session.delete(link)
        session.flush()
    _relink(session, placed)


def _relink(session: Session, placed: Sequence[tuple[Discrepancy, detection.Finding]]) -> None:
    """Make the stored claim links of the placed discrepancies equal their findings'.

    Only what changed is written (a new claim joins a side, a gone one leaves), so a
    discrepancy of a large event costs its changes, not its size, on every write.
    """
    wanted = {
        (row.id, claim_id): side
        for row, finding in placed
        if row.id is not None
        for side, claim_ids in enumerate(finding.sides)
        for claim_id in claim_ids
    }
    ids = {row.id for row, _ in placed if row.id is not None}
    if not ids:
        return
    links = select(
        col(DiscrepancyClaim.discrepancy_id), col(DiscrepancyClaim.claim_id), DiscrepancyClaim.side
    ).where(col(DiscrepancyClaim.discrepancy_id).in_(ids))
    have = {(d, c): side for d, c, side in session.connection().execute(links).all()}
    changed = {pair for pair, side in have.items() if wanted.get(pair) != side}
    if changed:
        # Through the session (the change feed records the links), loading only these.
        for link in session.exec(
            select(DiscrepancyClaim).where(
                col(DiscrepancyClaim.discrepancy_id).in_({d for d, _ in changed}),
                col(DiscrepancyClaim.claim_id).in_({c for _, c in changed}),
            )
        ):
            pair = (link.discrepancy_id, link.claim_id)
            if pair not in changed:
                continue
            side = wanted.get(pair)
            if side is None:
                session.delete(link)
            else:
                link.side = side
                session.add(link)
    added = [pair for pair in wanted if pair not in have]
    session.add_all(
        DiscrepancyClaim(discrepancy_id=pair[0], claim_id=pair[1], side=wanted[pair])
        for pair in added
    )
    # A discrepancy is updated when its sides change, not each time it is recomputed: a
    # consumer of the change feed or of `updated_since` sees real changes only.
    touched = {d for d, _ in changed} | {d for d, _ in added}
    now = utcnow()
    for row, _ in placed:
        if row.id in touched:
            row.updated_at = now
            session.add(row)
    session.flush()


def _retire(session: Session, gone: Discrepancy) -> None:
    """A discrepancy that no longer holds: removed, unless an editor has worked on it.

    An editor's discrepancy is kept as it is, status and note, and marked orphaned; it
    comes back (same row, same status) when its finding does, e.g. when deleted articles
    are posted again. Recomputation never changes an editor's status.
    """
    edited = gone.note is not None or gone.status != DiscrepancyStatus.open.value
    if not edited:
        session.delete(gone)
        return
    if gone.orphaned_at is None:
        gone.orphaned_at = utcnow()
        gone.updated_at = gone.orphaned_at
    session.add(gone)
