# Money rules over time (issue #15): voids with a reason, disputes the client can follow,
# prices from a day, late recording, grace days and expiry. Kept apart from portal.ftl.

## My money: what happened to a row, in plain words
balance-expired = Expired
grace-open-until = The provider can record services given during this decision until { $date }.
row-notes-link = More
row-notes-heading = More about these entries: { $title }
row-voided = Cancelled.
row-voided-reason = Cancelled. Reason: { $text }
row-corrected = Corrected after a dispute
row-corrected-note = This row was corrected after a dispute. It replaces the earlier entry.
row-dispute-made = Dispute made on { $date }. Reason: { $text }
row-provider-account = The provider's account: { $text }
row-dispute-open = The dispute is being handled. A social worker decides.
row-dispute-upheld = The dispute was accepted. The money went back to your balance.
row-dispute-partly = The dispute was partly accepted: the amount actually given was { $value }. The difference went back to your balance.
row-dispute-rejected = The dispute was not accepted.
row-decision-reason = The social worker's reason: { $text }
dispute-until = You can dispute this until { $date }
dispute-state-open = Dispute being handled
dispute-state-upheld = Dispute accepted
dispute-state-partly-upheld = Dispute partly accepted
dispute-state-rejected = Dispute not accepted
dispute-partly-upheld = Partly accepted
entry-expiry = Expired

## Quantities with their unit: "1 hour", "2 hours"
units-hour = hours
units-day = days
units-visit = visits
units-trip = trips
units-month = months
units-session = sessions
units-piece = pcs

## Provider: voiding a delivery
void-title = Cancel entry
void-heading = Cancel this entry?
back-to-deliveries = Back to entries
void-intro = When you cancel the entry, the money goes back to the client. Say why. The client sees the reason.
void-reason = Why is the entry cancelled?
void-reason-hint = The client sees the reason next to the entry.
void-confirm = Cancel the entry
void-keep = Keep it
void-not-possible = This entry cannot be cancelled because it is no longer in force.

## Provider: disputes about its deliveries
provider-disputes-title = Disputes
provider-disputes-heading = Disputes
provider-disputes-intro = The client thinks an entry is wrong. Give your account. The purchaser's social worker reads it and decides.
dispute-made-on = Dispute made
dispute-client-reason = The client's reason
dispute-provider-account = The provider's account
dispute-outcome = Decision
dispute-decision-reason = The social worker's reason
dispute-found-delivered = Partly accepted: amount actually given { $value }
provider-account-label = Your account
provider-account-replace = A new account replaces the earlier one
provider-account-hint = Say what was given. The social worker and the client see your account.
provider-account-send = Send account
notice-provider-account-sent = Your account has been sent. A social worker decides.
field-error-account = Write your account (at most 4,000 characters).

## Case worker: deciding a dispute
dispute-recorded-quantity = Recorded amount
dispute-no-account = The provider has not given an account yet.
dispute-decision = Decision
dispute-choose-uphold = Accept: the whole entry is returned
dispute-choose-partly = Accept in part: only the amount actually given is paid
dispute-choose-reject = Reject
dispute-found-quantity = Amount actually given
dispute-found-quantity-hint = Only when you accept in part. The recorded amount is { $value }. The difference goes back to the client.
dispute-decision-reason-hint = The client and the provider see the reason.
dispute-decide = Save decision
notice-dispute-partly-upheld = The dispute has been partly accepted. The difference went back to the client.
field-error-decision = Choose a decision.
field-error-found-quantity = Write the amount actually given as a number, for example 1 or 1.5. It must be less than the recorded amount.

## Case worker: late recording on a commitment
late-recording-open = Late recording allowed until { $date }: { $text }
late-recording-allow = Allow late recording
late-recording-until = Last day
late-recording-until-hint = The provider can record older services until this day. At most 90 days ahead.
late-recording-reason = Reason
late-recording-reason-hint = The reason is kept in the event log.
notice-late-recording-opened = Late recording is allowed.
field-error-until = Write a day: today or at most 90 days ahead.

## Grace days
field-grace-days = Grace days for recording
field-grace-days-hint = How many days after the decision ends the provider can still record services given during it (0–365). Leave empty to use the purchaser's default.
field-error-grace-days = Write the number of days as a whole number 0–365.
field-default-grace-days = Grace days for new decisions
field-default-grace-days-hint = How many days after a decision ends services can still be recorded (0–365). Applies to new decisions.
grace-rule = { $count ->
    [0] New decisions have no grace days: services must be recorded while the decision runs.
    [one] Services of new decisions can still be recorded 1 day after the decision ends.
   *[other] Services of new decisions can still be recorded { $count } days after the decision ends.
}

## Provider: prices over time
field-price-from = Price changes from
field-price-from-hint = Leave empty if the new price starts today. Clients with an open commitment are told by email.
field-error-price-from = Write a day that is today or later. A price cannot change in the past.
price-changes-on = The price changes on { $date }: { $price }
prices-heading = Prices
prices-history = Price history
col-price-from = From
col-price-to = Until
price-still-holds = until further notice
