//! How firmly the sources stand behind a claim.

use super::vocabulary::vocabulary;

vocabulary! {
    /// The standing of a link or transaction as the sources describe it. Absent means the
    /// source states it plainly. Every value but `completed` and `ongoing` is drawn as a
    /// qualified claim (dashed) so a figure never shows an allegation as fact.
    pub enum ClaimStatus ("status") {
        /// Done: the payment was made, the contract signed.
        Completed = "completed",
        /// Still going on when the source was written.
        Ongoing = "ongoing",
        /// Suggested or planned, not (yet) carried out.
        Proposed = "proposed",
        /// Proposed, then dropped: "in the end, there was no deal".
        Abandoned = "abandoned",
        /// Asserted by a third party, such as a government or a court, and not shown by the source.
        Alleged = "alleged",
        /// Asserted by someone and denied by the subject.
        Denied = "denied",
        /// One party's own account (an interviewee, a defector), not confirmed elsewhere.
        Claimed = "claimed",
    }
}

impl ClaimStatus {
    /// Whether a drawing must mark the claim as not established fact.
    pub fn is_qualified(self) -> bool {
        !matches!(self, ClaimStatus::Completed | ClaimStatus::Ongoing)
    }
}
