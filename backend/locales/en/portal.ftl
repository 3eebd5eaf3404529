# Valinta portal, English. Client pages use plain language (easy-to-read):
# short sentences, common words, one thing at a time.

## Layout
skip-to-content = Skip to content
nav-label = Main menu
nav-search = Find services
nav-my-money = My money
nav-provider = My business
nav-offerings = Services
nav-commitments = Orders
nav-deliveries = Services provided
nav-catalogue = Service catalogue
nav-applications = Applications
nav-clients = Clients
nav-disputes = Disputes
language-choose = Choose language
signed-in-as = Signed in as:
sign-in = Sign in
sign-out = Sign out
footer-text = Valinta – service vouchers and personal budgets. Your own social worker can help you.
whose-matters = You are seeing the matters of client { $name }.
required = required
choose-one = Choose
save = Save
edit = Edit
yes = Yes
no = No
accept = Accept
decline = Decline
approve = Approve
reject = Reject
uphold = Accept the dispute
void = Cancel entry
archive = Hide service
opens-other-site = (opens another website)
back-to-front = To the front page

## Errors
error-title = Something went wrong
error-summary-title = Check the details
error-check-form = There is a mistake in the form. Correct the marked parts.
error-forbidden = You are not allowed to do this.
error-not-found = Page not found. It may have been removed, or the address is wrong.
error-bad-request = We could not read the request. Go back and try again.
error-conflict = You cannot do this now, because something has changed. Reload the page.
error-too-large = What you sent is too large.
error-internal = Something went wrong on our side. Nothing was changed. Try again in a moment.
error-search-unavailable = Search is not available just now. Nothing was changed. Please try again in a moment.
error-csrf = The form has expired or came from another website. Reload the page and try again.
error-malformed-request = We could not read the form. Check the details.
error-unauthorized = Sign in first.
error-invalid-field = Some information is not valid. Correct the marked parts.
error-internal-error = Something went wrong on our side. Nothing was changed.
error-overdraw = There is not enough money for this. Nothing was recorded.
error-wrong-status = You cannot do this at this stage.
error-duplicate = This already exists.
error-duplicate-reference = Another service has already been recorded with this reference. Use a different reference.
error-idempotency-conflict = Different details have already been recorded with this reference. Use a different reference.
error-not-approved = The provider has not yet been approved for this service.
error-allocation-ended = The decision is no longer valid.
error-already-settled = This has already been invoiced. It cannot be changed any more.
error-dispute-open = A dispute has already been made about this.
error-dispute-window-closed = You can make a dispute within 14 days of the day of the service.
field-error-generic = Check this part.
field-error-quantity = Write the amount as a number, for example 2 or 1,5. The amount must not be more than the money left.
field-error-unit-price = Write the price in euros, for example 45,00. The price must not be more than the maximum price.
field-error-date = Write the date correctly. The date must be within the decision's validity period, and it must not be in the future.
field-error-reference = Write a reference. It can be, for example, the visit number.
field-error-reserve = The amount to reserve cannot be more than the money available.
field-error-granted = Write the amount in euros, for example 1200,00.
field-error-valid-from = Write the start date.
field-error-valid-to = Write the end date. It cannot be before the start date.
field-error-personal-id = The personal identity code is not correct. Check it.
field-error-business-id = The business ID is not correct. Check it.
field-error-email = Write the email address correctly.
field-error-password = The password must have at least 10 characters.
field-error-name = Write the name.
field-error-title-fi = Write the title in Finnish.
field-error-description-fi = Write the description in Finnish.
field-error-municipalities = Choose at least one municipality in the purchaser's area.
field-error-municipality = Write the name or number of a municipality in your area, for example Kerava or 245.
field-error-languages = Choose at least one language.
field-error-method = This payment method cannot be used with this decision.
field-error-allocation = Choose a decision. The decision must fit this service.
field-error-allocation-id = Choose a decision. The decision must fit this service.
field-error-offering-id = This service cannot be chosen with this decision.
field-error-service-id = Choose a service.
field-error-service-ids = Choose services from the purchaser's catalogue.
field-error-services = Choose at least one service.
field-error-voucher-value = Write the voucher value in euros, for example 40,00.
field-error-price-cap = Write the maximum price in euros.
field-error-code = Write the service code.
field-error-unit = Choose a unit.
field-error-methods = Choose at least one payment method.
field-error-reason = Give the reason.
field-error-accept = You must accept the rulebook.
field-error-kind = Choose service voucher or personal budget.
field-error-phone = The phone number can only have digits, spaces and the characters + - ( ).
field-error-relation = Tell us how the proxy is related to the client.
field-error-purchaser = Choose a purchaser.
field-error-name-fi = Write the name in Finnish.

## Front page
home-title = Front page
home-heading = Find a service that suits you
home-intro = You can find services, compare them and pay with a service voucher or a personal budget.
home-categories = Services
home-no-categories = No services have been added yet.
home-how-title = How it works
home-how-1 = Search for a service. You can narrow the search, for example by municipality or language.
home-how-2 = Compare services and their prices.
home-how-3 = Choose a service. The provider confirms the order.
offer-count = { $count ->
    [one] { $count } service
   *[other] { $count } services
}

## Search
search-title = Find services
search-heading = Find services
search-label = What service are you looking for?
search-button = Search
search-hint = For example cleaning, home care or swimming.
search-bad-filter = The filter { $filter } is not valid. Check it.
filters-heading = Narrow the search
filters-apply = Show results
filters-clear = Remove filters
filter-any = All
filter-municipality = Municipality
filter-service = Service
filter-method = Payment method
filter-language = Language of the service
filter-accessibility = Accessibility
filter-max-price = Highest price (euros)
filter-max-price-hint = For example 50 or 49,90.
filter-min-rating = Lowest rating
filter-rating-at-least = Rated { $stars } or higher
filter-sort = Order
filter-q = Search word
filter-page = Page
filter-per-page = Results per page
filter-lat = Location
filter-lon = Location
filter-purchaser = Purchaser
filter-social-care = Social service
sort-relevance = Best matches first
sort-rating = Best ratings first
sort-price = Cheapest first
results-heading = Results
results-count = { $count ->
    [0] No services found.
    [one] 1 service found.
   *[other] { $count } services found.
}
results-none = Try another search word or remove some filters.
compare-hint = Choose 2–4 services and compare them.
compare-this = Compare: { $title }
compare-button = Compare chosen
compare-selected = Chosen: { $n }.
pages-label = Pages
page-previous = Previous page
page-next = Next page
page-number = Page { $number }
fact-price = Price
offering-price-changes = The price changes from { $date }: { $price }
fact-rating = Ratings
fact-area = Municipalities
fact-languages = Languages
fact-accessibility = Accessibility
fact-provider = Provider
fact-service = Service
fact-voucher-value = Voucher value
fact-methods = Payment method
fact-address = Address
fact-business-id = Business ID
fact-not-told = Not given
fact-own-share = Your own share
fact-affordable = Your money is enough for
price-per-unit = { $price } / { $unit }
rating-summary = { $average } / 5 ({ $count ->
    [one] 1 rating
   *[other] { $count } ratings
})
rating-none = No ratings yet

## Offering and provider
offering-title = Service
back-to-search = Back to search
offering-archived = This service is no longer offered.
map-link = See on map
choose-this = Choose this service
reviews-heading = Ratings
provider-title = Provider
provider-offerings = Services
provider-no-offerings = This provider has no services right now.
col-offering = Service

## Compare
compare-title = Compare services
compare-heading = Compare services
compare-caption = Services side by side
compare-allocation = Decision you pay with
compare-update = Update comparison
compare-pick-2-4 = Choose 2–4 services to compare.
compare-not-covered = You cannot pay for this service with this decision.
units-affordable = { $amount } (estimate)
col-next-step = Next step
choose-named = Choose { $title }
allocation-label = { $kind }, { $available } left, valid until { $until }

## Sign in
signin-title = Sign in
signin-heading = Sign in
signin-failed = The email or password is wrong. Try again.
signin-throttled = Too many attempts. Wait { $minutes } min and then try again.
signin-help = If you cannot sign in, contact your own social worker.
signin-strong-heading = Clients and proxies
signin-strong-hint = Identify yourself the same way as in your online bank. You do not need a password.
signin-strong = Identify yourself strongly (online banking codes, mobile certificate)
signin-password-heading = Staff: sign in with email and password
oidc-choose-title = Choose how you sign in
oidc-choose-heading = Choose how you sign in
oidc-choose-lead = You can sign in as yourself or act for someone else. Choose one.
oidc-as-client = As myself: { $name }
oidc-as-proxy = As a proxy: { $name }
oidc-unknown-title = You are not in the service
oidc-unknown = You were identified, but you are not a client and you have no mandate to act for anyone. Contact the social services of your own wellbeing services county. They grant service vouchers and can add you to the service.
oidc-failed-title = Identification did not work
oidc-failed = The identification was cancelled, expired or already used. Start signing in again.
oidc-unavailable-title = Identification is not available now
oidc-unavailable = Strong identification is not working right now. Try again in a moment.
field-email = Email
field-password = Password

## My money (client, plain language)
money-title = My money
money-heading = My money
money-none = You do not have a decision yet.
acting-title = Whose matters are you handling?
acting-heading = Whose matters are you handling now?
acting-intro = Choose the person. After that you see only their matters until you switch.
acting-for-button = I act for { $name }
acting-own-button = I handle my own matters ({ $name })
acting-current = (chosen now)
acting-region = Whose matters you are handling
acting-banner = You are now acting for { $name }.
acting-switch = Switch person
choose-submit-for = Order for { $name }
dispute-submit-for = Send the dispute for { $name }
proxy-switch-label = Whose matters are you handling?
proxy-switch-button = Switch
allocation-period = Valid { $from } – { $to }
allocation-use-for = You can use the money for these services:
allocation-any-service = all services the decision allows
voucher-value-is = The voucher is worth { $value } for one time or one hour. If the service costs more, you pay the difference yourself.
balance-available = Available
balance-reserved = Reserved
balance-spent = Used
balance-granted = Granted in total
money-services-heading = Services you have chosen
money-no-commitments = You have not chosen a service yet.
money-find-service = Find a service
money-no-deliveries = No service has been recorded yet.
commitment-status = Status
deliveries-of = Services provided: { $title }
col-date = Date
col-quantity = Amount
col-total = Total price
col-paid-from-balance = Paid from your money
col-own-share = Own share
col-status = Status
col-actions = Actions
dispute-link = Make a dispute

## Choosing an offering
choose-title = Choose a service
choose-heading = Choose a service
choose-intro = Make an order. The provider confirms it.
choose-allocation = Which decision do you pay with?
choose-method = Payment method
choose-method-hint = If you do not know, choose the first one.
choose-reserve = Reserve money for this service (euros)
choose-reserve-hint = Not required. Reserved money waits for this service.
choose-next-step = When you send the order, the provider gets it. You can see the status on the My money page.
choose-submit = Send order
choose-no-allocation = You do not have a decision you can pay with. Contact your own social worker.
back-to-offering = Back to the service

## Dispute
dispute-title = Dispute
dispute-heading = Is something wrong here?
dispute-intro = Tell us what is wrong. A social worker checks it and answers you.
dispute-reason = What is wrong?
dispute-reason-hint = For example: the service did not happen on this day.
dispute-submit = Send dispute
back-to-money = Back to My money

## Provider
provider-home-title = My business
provider-todo = Tasks
provider-waiting = { $count ->
    [0] No new orders
    [one] 1 new order is waiting for your answer
   *[other] { $count } new orders are waiting for your answer
}
provider-record-link = Record a service provided
provider-applications-link = Apply for approval from a purchaser
provider-profile = Contact details
field-provider-name = Business name
field-phone = Phone
applications-title = Applications
applications-heading = Applications to purchasers
applications-mine = My applications
applications-none = No applications.
applications-new = New application
apply-purchaser = Purchaser
apply-show-services = Show services
apply-services-of = Services you are applying for ({ $purchaser })
apply-no-services = The purchaser has no services yet.
rulebook-of = Rulebook: { $service }
apply-accept = I have read the rulebooks and I commit to following them.
apply-submit = Send application
col-purchaser = Purchaser
col-services = Services
col-reason = Reason
offerings-title = Services
offerings-heading = My services
offering-new-link = Add a service
offerings-need-approval = You can add services when a purchaser has approved you.
offerings-none = No services.
status-archived = Hidden
status-listed = Visible
offering-new-title = New service
offering-edit-title = Edit service
back-to-offerings = Back to services
field-service = Service from the purchaser's catalogue
field-title-fi = Title in Finnish
field-title-sv = Title in Swedish
field-title-en = Title in English
field-description-fi = Description in Finnish
field-description-sv = Description in Swedish
field-description-en = Description in English
field-unit-price = Price per unit (euros)
field-unit-price-hint = For example 45,00.
field-municipalities = Municipalities where you serve
field-languages = Languages you serve in
field-accessibility = Accessibility
field-address = Address
archive-explain = The service is removed from search. Existing orders are kept.
commitments-title = Orders
commitments-heading = Orders
commitments-none = No orders.
col-client = Client
record-delivery = Record service
deliver-title = Record a service provided
deliver-heading = Record a service provided
deliver-reserved-before = Reserved now
deliver-reserved-after = Reserved after recording
deliver-available-after = Available to the client after recording
deliver-preview = How this entry affects the balance
deliver-check = Check the effect
deliver-submit = Record
field-delivery-date = Date the service was provided
field-quantity = Amount
field-quantity-hint = For example 2 hours or 1,5.
field-reference = Your reference
field-reference-hint = The pre-filled reference stops the same entry from being saved twice.
back-to-commitments = Back to orders
deliveries-title = Services provided
deliveries-heading = Services provided
deliveries-record-heading = Record new
record-for = Record: { $title }
month-label = Month { $month }
month-nav = Months
month-previous = Previous month
month-next = Next month
deliveries-none = No entries for this month.
deliveries-month-total = Total
col-purchaser-share = Purchaser's share

## Purchaser
catalogue-title = Service catalogue
catalogue-heading = Service catalogue
catalogue-none = There are no services in the catalogue yet.
catalogue-new = Add a service to the catalogue
catalogue-add = Add service
col-name = Name
field-service-code = Code
field-name-fi = Name in Finnish
field-name-sv = Name in Swedish
field-name-en = Name in English
field-unit = Unit
field-social-care = Social service
field-methods = Payment methods
field-voucher-value = Voucher value (euros)
field-price-cap = Maximum price (euros)
field-rulebook = Rulebook
field-rulebook-hint = One rule per line.
purchaser-applications-title = Applications
purchaser-applications-heading = Applications from providers
decision-reason = Reason
decision-reason-hint = Required when rejecting. The provider sees the reason.
clients-title = Clients
clients-heading = Clients
clients-none = No clients.
clients-new = Add client
clients-add = Add client
field-client-name = Client's name
field-personal-id = Personal identity code
field-personal-id-hint = Shown only partly.
field-municipality = Home municipality
field-municipality-hint = The municipality's name in Finnish or Swedish, or its number, for example Kerava, Kervo or 245.
field-client-email-hint = If the client has an email address, they get a link there to choose their own password. Without one, the client signs in with online banking codes or a mobile certificate.
field-new-password-hint = At least 10 characters.
client-title = Client
back-to-clients = Back to clients
grant-link = Make a new decision
client-allocations = Decisions
ledger-heading = Events
col-event = Event
same-person-heading = This client is the same person as:
same-person-help = The identity codes are the same, though written differently. Bring the details together under one client and end the other's decisions.
mandates-heading = People acting for the client
mandates-none = Nobody acts for this client.
mandate-status = Status
mandate-live = In force
mandate-ended = Ended { $date }
mandate-until-revoked = Until further notice
mandate-revoke = End the right
mandate-revoke-reason = Why does the right end?
mandate-revoke-button = End the right now
field-valid-until = Valid until
field-valid-until-hint = Leave empty if the right holds until further notice.
field-proxy-email-hint = The person gets a link by email and chooses their own password.
field-proxy-personal-id-hint = If the person identifies with online banking codes or a mobile certificate.
proxy-confirm-heading = This person is already in Valinta
proxy-confirm-text = The email address or identity code already belongs to this person. Check that they are the right person.
proxy-confirm-button = Yes, add them as a person acting for the client
proxy-confirm-else = If this is the wrong person, correct the details below.
notice-mandate-revoked = The right to act for the client has ended.
field-error-valid-until = Write a date that has not passed.
field-error-confirm-existing = Check the person again.
error-two-people = The email address and the identity code belong to two different people. Check them.
error-already-ended = The right has already ended.
proxy-add-heading = Add a proxy
proxy-add = Add proxy
field-proxy-name = Proxy's name
field-relation = Relation to the client
field-relation-hint = For example daughter or guardian.
grant-title = New decision
grant-heading = New decision
grant-submit = Make decision
back-to-client = Back to the client
field-funding-kind = Type of decision
field-granted = Amount granted (euros)
field-euros-hint = For example 1200,00.
field-valid-from = Starts
field-valid-to = Ends
field-allocation-services = Services the money can be used for
field-allocation-services-hint = For a service voucher, choose the services. For a personal budget, empty means all services in the catalogue.
field-voucher-value-hint = If empty, the voucher value from the catalogue is used.
disputes-title = Disputes
disputes-heading = Disputes
disputes-none = No disputes.

## Confirmations
notice-signed-out = You have signed out.
notice-switched = You now see the matters of the client you chose.
notice-commitment-requested = The order has been sent. The provider will confirm it.
notice-dispute-sent = The dispute has been sent. A social worker will check it.
notice-saved = The details have been saved.
notice-application-sent = The application has been sent.
notice-offering-saved = The service has been saved.
notice-offering-archived = The service has been hidden.
notice-commitment-accepted = The order has been accepted.
notice-commitment-declined = The order has been declined.
notice-delivery-recorded = The service has been recorded. The client's balance has been updated.
notice-delivery-voided = The entry has been cancelled. The money went back to the client.
notice-service-added = The service has been added to the catalogue.
notice-application-approved = The application has been approved.
notice-application-rejected = The application has been rejected.
notice-client-added = The client has been added.
notice-proxy-added = The proxy has been added.
notice-allocation-granted = The decision has been made.
notice-dispute-upheld = The dispute has been accepted. The money went back to the client.
notice-dispute-rejected = The dispute has been rejected.

## Vocabularies
unit-hour = hour
unit-day = day
unit-visit = visit
unit-trip = trip
unit-month = month
unit-session = session
unit-piece = pc
amount-hour = { $count ->
    [one] { $amount } hour
   *[other] { $amount } hours
}
amount-day = { $count ->
    [one] { $amount } day
   *[other] { $amount } days
}
amount-visit = { $count ->
    [one] { $amount } visit
   *[other] { $amount } visits
}
amount-trip = { $count ->
    [one] { $amount } trip
   *[other] { $amount } trips
}
amount-month = { $count ->
    [one] { $amount } month
   *[other] { $amount } months
}
amount-session = { $count ->
    [one] { $amount } session
   *[other] { $amount } sessions
}
amount-piece = { $count ->
    [one] { $amount } pc
   *[other] { $amount } pcs
}
method-voucher = Service voucher
method-payment-commitment = Payment commitment
method-direct-invoice = Direct invoicing
funding-voucher = Service voucher
funding-personal-budget = Personal budget
access-wheelchair = Wheelchair accessible
access-sign-language = Sign language
access-plain-language = Plain language
access-hearing-loop = Hearing loop
access-home-visits = Home visits
access-braille = Braille
access-parking = Accessible parking
language-fi = Finnish
language-sv = Swedish
language-en = English
language-se = Sami
language-ru = Russian
language-et = Estonian
language-ar = Arabic
language-so = Somali
language-fa = Persian
language-uk = Ukrainian
commitment-requested = Waiting for confirmation
commitment-accepted = Accepted
commitment-declined = Declined
commitment-closed = Ended
commitment-cancelled = Cancelled
delivery-recorded = Recorded
delivery-voided = Cancelled
delivery-reversed = Returned because of a dispute
application-pending = Waiting for a decision
application-approved = Approved
application-rejected = Rejected
dispute-open = Being handled
dispute-upheld = Accepted
dispute-rejected = Rejected
entry-grant = Granted
entry-reserve = Reserved
entry-release = Reservation released
entry-spend = Used
entry-reverse = Returned
entry-expire = Expired

## Reviews
provider-rating = Rating of all its services
nav-my-reviews = My reviews
nav-reviews = Reviews
nav-moderation = Review moderation
notice-review-saved = Thank you! Your review is saved.
notice-review-reported = Thank you. A moderator will look at the review.
notice-reply-saved = Your reply is saved and shown under the review.
notice-review-hidden = The review is hidden. Its writer sees the reason.
notice-review-kept = The review stays public. The reports are closed.
notice-review-restored = The review is public again.
reviews-verified-note = Only clients who have used a provider's service can write a review. Reviews do not show who wrote them.
reviews-distribution = How many stars the reviews gave
reviews-pages = More reviews
reviews-newer = Newer reviews
reviews-older = Older reviews
review-report-link = Report this review
review-verified-client = Verified client
review-reply-from-provider = Reply from the provider
review-edited = edited
review-edited-on = edited { $date }
review-stars = { $stars } / 5 stars
review-stars-count = { $stars ->
    [one] 1 star
   *[other] { $stars } stars
}
report-title = Report a review
report-heading = Report a review
report-intro = Tell us what is wrong with this review. A moderator of the wellbeing services county reads your report. You do not need to sign in.
report-reason = What is wrong with the review?
report-reason-hint = For example: it names a person, it is an advertisement, or it is offensive.
report-submit = Send the report
review-title = How did it go?
review-heading = How did it go?
review-intro = Tell other clients what the service was like. Your review is public, but your name is not shown.
review-editing-note = You have already reviewed this service. You can change your review for 30 days after you wrote it.
review-not-yet = You can review this service after the provider has recorded a service it gave you.
review-locked = More than 30 days have passed since you wrote this review, so it can no longer be changed.
review-stars-label = How many stars do you give?
review-stars-hint = 1 star is very poor, 5 stars is excellent.
review-stars-choose = Choose stars
review-stars-1 = very poor
review-stars-2 = poor
review-stars-3 = okay
review-stars-4 = good
review-stars-5 = excellent
review-text-label = Tell about the service in your own words
review-text-hint = At most 2,000 characters. Do not write names, phone numbers, email addresses or web addresses.
review-submit = Save the review
review-how-did-it-go = How did it go? Review the service
my-reviews-title = My reviews
my-reviews-heading = My reviews
my-reviews-intro = Reviews you have written. Others see them without your name.
my-reviews-none = You have not written any reviews yet.
review-hidden-note = A moderator has hidden this review. Others do not see it.
review-hidden-why = Reason:
review-public-note = This review is public.
review-edit-link = Change the review
provider-reviews-title = Reviews
provider-reviews-heading = Reviews of your services
provider-reviews-intro = You can reply once to each review. Your reply is shown under the review, and you can change it later.
provider-reviews-all = Show all reviews
provider-reviews-unanswered = Show only reviews without a reply
provider-reviews-none = No reviews to show.
reply-label = Your reply
reply-edit-label = Change your reply
reply-hint = Be polite and do not name the client. No phone numbers, email or web addresses.
reply-send = Send the reply
reply-save = Save the reply
moderation-title = Review moderation
moderation-heading = Reported reviews
moderation-intro = Reviews of services in your catalogue that someone has reported. Hide a review that breaks the rules, or keep it public. Always write the reason: the writer of a hidden review sees it.
moderation-show-hidden = Show hidden reviews
moderation-show-reported = Show reported reviews
moderation-none = No reported reviews.
moderation-none-hidden = No hidden reviews.
moderation-reports = Reports
moderation-reason = Reason for your decision
moderation-reason-hint = The writer of the review sees the reason if you hide it.
moderation-hide = Hide the review
moderation-keep = Keep it public
moderation-keep-hidden = Keep it hidden
moderation-restore = Make it public again
moderation-edited-after-hiding = The writer changed the review after it was hidden and asks you to look again.
field-error-stars = Choose from 1 to 5 stars.
field-error-text = Write your review (at most 2,000 characters).
error-review-has-link = A review cannot contain links or web addresses. Remove them and try again.
error-review-has-email = A review cannot contain email addresses. Remove them and try again.
error-review-has-phone = A review cannot contain phone numbers. Remove them and try again.
error-review-has-personal-id = A review cannot contain personal identity codes. Remove them and try again.
error-review-exists = You have already reviewed this service. You can change that review instead.
error-too-many-reviews = You can write at most 5 reviews a day. Please try again tomorrow.
error-no-recorded-delivery = You can review a service after the provider has recorded a service it gave you.
error-edit-window-closed = A review can be changed for 30 days after it was written.
error-already-replied = You have already replied. You can change your reply.
error-no-reply = There is no reply to change yet.
error-review-hidden = This review is hidden, so it cannot be replied to.
error-already-hidden = The review is already hidden.
error-not-hidden = The review is not hidden.
error-nothing-to-keep = This review has no open reports.

## Billing details
field-iban = Bank account (IBAN)
field-iban-hint = Invoices are paid to this account, e.g. FI21 1234 5600 0007 85.
field-bic = Bank's BIC code
field-bic-hint = For example NDEAFIHH. Ask your bank if you are not sure.
field-vat-rate = VAT (%)
field-vat-rate-hint = Social-care services are VAT-exempt: leave this empty. For other services, write the rate in force, e.g. 25,5.
col-vat = VAT
field-error-iban = Check the account number. It must be a valid IBAN, e.g. FI21 1234 5600 0007 85.
field-error-bic = Check the BIC code. It has 8 or 11 letters and digits, e.g. NDEAFIHH.
field-error-vat-rate = Write the VAT as a percentage, e.g. 25,5. Leave it empty for social care.

## Monthly statements and late recording (issue #6)
nav-statement = Monthly statement
nav-recording = Late recording
print = Print
statement-link = Monthly statement
statement-title = Monthly statement
statement-heading = { $kind }: statement for { $month }
statement-choose-month = Choose a month
statement-month-hint = For example 2026-11 (year and month).
statement-show = Show
statement-opening = Money at the start of the month
statement-movements = What happened this month
statement-no-movements = Nothing happened to your money this month.
statement-closing = Money at the end of the month
statement-closing-now = Money now
statement-own-shares = Your own shares
statement-own-shares-explained = You pay your own share yourself to the service provider. It is not taken from your money.
statement-no-own-shares = You have no own shares this month.
statement-own-shares-total = Your own shares in total
statement-reason-voided = the provider cancelled the service
statement-reason-dispute-upheld = your complaint was accepted
statement-service-on = { $title }, service on { $date }
statement-not-invoiced = Not invoiced yet
statement-invoice-number = Invoice { $number }
statement-invoiced-and-credited = Invoice { $number }, credit note { $n }
provider-statement-title = Monthly statement
provider-statement-heading = Monthly statement
provider-statement-summary = Summary
provider-statement-recorded = Services recorded
provider-statement-client-shares = Clients' own shares
provider-statement-invoiced = Invoiced
provider-statement-not-invoiced = Not invoiced yet
provider-statement-deliveries = { $count ->
    [one] 1 service
   *[other] { $count } services
}
provider-statement-recorded-total = Recorded services in total
provider-statement-invoices = Invoices and credit notes
provider-statement-no-invoices = No invoices for this month yet.
invoice-kind-invoice = Invoice
invoice-kind-supplementary = Supplementary invoice
invoice-kind-credit-note = Credit note
col-invoice = Invoice
col-number = Number
col-kind = Kind
col-issued = Date of issue
col-due = Due date
col-files = Files
recording-title = Late recording
recording-heading = Recording services on time
recording-rule = { $count ->
    [one] Providers should record a service within 1 day of the service date.
   *[other] Providers should record a service within { $count } days of the service date.
}
field-recording-days = Days to record a service
field-recording-days-hint = A whole number from 1 to 90.
field-error-recording-days = Write a whole number of days from 1 to 90.
notice-recording-days-saved = The number of days was saved.
recording-overdue-heading = Providers who are late
recording-overdue-explained = { $count ->
    [one] Orders with no service recorded in the last day, and services recorded more than 1 day after the service date in the last 90 days.
   *[other] Orders with no service recorded in the last { $count } days, and services recorded more than { $count } days after the service date in the last 90 days.
}
recording-none = No provider is late.
col-provider = Provider
col-silent-commitments = Orders with nothing recorded
col-silent-since = Nothing recorded since
col-late-deliveries = Services recorded late
col-oldest-case = Oldest late service
recording-oldest-case = { $date }, { $count ->
    [one] 1 day late
   *[other] { $count } days late
}

## Settlement and finance
nav-settlement = Invoicing
nav-finance = Money and reports
settlement-title = Invoicing
settlement-heading = Invoicing the providers
settlement-intro = Each month, the services provided to your clients become one invoice per provider. Nothing is invoiced twice. Services recorded later go on a supplementary invoice.
settlement-waiting-heading = Waiting to be invoiced
settlement-waiting-none = Nothing is waiting for this month.
settlement-waiting-caption = Services not yet invoiced, by provider
settlement-ready = Ready to invoice
settlement-to-credit = Cancelled after invoicing: goes on a credit note
settlement-missing-bank-details = Cannot be invoiced: the provider has not given its bank details
settlement-bank-changed = Bank details changed on { $date } — check before paying
settlement-invoices-heading = Invoices for this month
settlement-invoices-none = No invoices yet for this month.
settlement-invoices-caption = Invoices and credit notes
settlement-month-csv = All invoice lines of the month (CSV for accounting)
notice-settled = The invoices have been made.
col-deliveries = Services provided
col-amount = Amount
col-due-date = Due date
col-month = Month
col-service = Service
col-commitments = Orders
col-reserved = Reserved
total-row = Total
finance-title = Money and reports
finance-heading = Money and reports
books-heading = Do the books match?
books-ok = Everything matches. { $count } decisions and { $n } invoices were checked.
books-bad = Something does not match. { $count } decisions and { $n } invoices were checked. Contact the system administrator.
books-explained = Every balance must equal the sum of its ledger entries, and every service may be invoiced only once.
books-problem-balance = The balance of decision { $name } does not equal its ledger entries.
books-problem-twice = Service { $name } is on more than one invoice.
books-problem-mark = Service { $name } is marked invoiced, but its invoice line does not agree.
books-problem-total = The total of invoice { $name } is not the sum of its lines.
spend-heading = Spending
spend-show = Show
spend-by-month = Spending by month
spend-by-service = Spending by service
spend-by-provider = Spending by provider
field-from-month = From month
field-to-month = To month
reservations-heading = Money reserved for orders
reservations-none = No money is reserved right now.
reservations-caption = Reserved money by provider and service

## API keys and uploading deliveries (#6)
nav-upload = Upload services provided
nav-api-keys = API keys
api-keys-title = API keys
api-keys-heading = API keys
api-keys-intro = With an API key, your site or your business system can record services provided straight into Valinta. A key can only record and read services provided. Make a separate key for each site.
api-keys-create-heading = Make a new key
api-keys-create = Make a key
api-keys-list-heading = Keys
api-keys-none = You have no keys yet.
api-keys-never-used = Not used yet
api-key-created = New key for { $name }
api-key-copy-now = Copy the key now. We show it only this once. If the key is lost, make a new one and stop the old one.
api-key-label = Key
api-key-how = Your system sends the key in the header of every request: Authorization: Bearer and the key.
api-key-active = In use
api-key-revoked-at = Stopped { $date }
api-key-revoke = Stop the key
api-key-revoke-title = Stop a key
api-key-revoke-heading = Stop this key?
api-key-revoke-warning = The key stops working at once. A system that uses it can no longer record services. This cannot be undone.
api-key-revoke-confirm = Stop the key
api-key-keep = Keep the key
back-to-api-keys = Back to the keys
notice-api-key-revoked = The key has been stopped.
col-key-prefix = Key starts with
col-created = Made
col-created-by = Made by
col-last-used = Last used
field-site = Site or system
field-site-hint = For example "Kallio office" or "business system". This is how you recognise the key.
field-error-site = Write the name of the site or system (at most 100 characters).
upload-title = Upload services provided
upload-heading = Upload services provided from a file
upload-intro = You can record many services provided at once with a CSV file. Save your spreadsheet as CSV. Each row has the order number, the date, the quantity, the unit price and your own reference. We check every row before anything is recorded.
upload-template-link = Download a template file (CSV)
upload-submit = Upload the file
upload-report-heading = What happened to the file
upload-report-caption = The rows of the file
upload-outcome-recorded = { $count } rows were recorded, { $value } in total.
upload-outcome-nothing = Nothing was recorded, because { $count } rows were refused. Correct the rows and upload the file again.
upload-rows-hidden = { $count ->
    [one] 1 more row was recorded or was recorded before.
   *[other] { $count } more rows were recorded or were recorded before.
}
upload-status-accepted = Recorded
upload-status-valid = Correct, not recorded
upload-status-duplicate = Recorded before
upload-status-refused = Refused
upload-row-column = Column { $name }: { $value }
upload-row-not-found = There is no such order, or it is not yours.
upload-row-duplicate-in-file = The same reference is in the file twice.
upload-row-invalid-field = The value is not valid.
upload-row-overdraw = The client does not have enough money for this.
upload-row-wrong-status = The order is not open.
upload-row-idempotency-conflict = Different details have already been recorded with this reference.
upload-open-heading = Open orders
upload-open-intro = Write the order number from this table in the file.
upload-open-none = You have no open orders.
col-line = Row
col-result = Result
col-why = Why
col-commitment-number = Order number
field-file = CSV file
field-file-hint = Columns: commitment, date, quantity, unit_price, reference. Semicolon or comma between them. A decimal comma is fine.
field-all-or-nothing = Record only if every row is correct
field-all-or-nothing-hint = If even one row is refused, nothing is recorded.
field-error-file = Choose a CSV file with a header row and the services provided.
error-missing-columns = The file lacks columns. The first row must have the columns commitment, date, quantity, unit_price and reference.
error-duplicate-column = The file has the same column twice.
error-empty-file = The file is empty or has only a header row.
error-not-csv = The file is not a CSV file. Save your spreadsheet as CSV.
error-bad-encoding = We did not recognise the file's character set. Save it as CSV (UTF-8).
error-too-many-rows = The file has too many rows. Split it into smaller files.
error-no-file = Choose a file first.

## Emails: notification choices and the outbox
nav-notifications = My emails
nav-emails = Outgoing email
notifications-title = Which emails I get
notifications-heading = Which emails do you want
notifications-intro = Choose what you get emails about. You can change this at any time.
notifications-always-heading = These messages always come
notifications-always = You always get a message about decisions, money and invoices, disputes, and things waiting for you to act. They cannot be turned off, because they concern your rights or money.
notice-notifications-saved = Your choices are saved.
choice-each = One for each
choice-on = Yes
choice-weekly = Once a week, as a summary
choice-off = No
topic-deliveries = Recorded services
topic-deliveries-hint = A message when a provider records a service and your balance changes.
topic-commitments = Service orders
topic-commitments-hint = A message when an order is accepted, declined or closed.
topic-reminders = Reminders
topic-reminders-hint = A reminder when the balance is low, a decision is about to end, or recordings are missing.
topic-reviews = Reported reviews
topic-reviews-hint = A message to the moderator when someone reports a review.
emails-title = Outgoing email
emails-heading = Outgoing email
emails-intro = Here are the messages waiting and sent. A failed message can be sent again.
emails-filter = Show messages
emails-all = All
email-status-pending = Waiting
email-status-sending = Sending
email-status-sent = Sent
email-status-failed = Failed
emails-none = No messages.
col-to = Recipient
col-attempts = Attempts
col-error = Error
email-retry = Send again
notice-email-retried = The message will be sent again.
outbox-heading = Development outbox
outbox-intro = No SMTP server is set, so messages are saved in the folder { $folder }.
outbox-empty = The folder has no messages yet.
outbox-back = Back to outgoing email
outbox-pager-label = Pages of the outbox folder

## Accounts and passwords
nav-users = Accounts
nav-password = Change password
forgot-link = Forgot your password?
forgot-title = Forgotten password
forgot-intro = Write your email address. If the address has an account, we send a link there so that you can choose a new password. The link works for 30 minutes.
forgot-submit = Send the link
notice-reset-sent = If the address has an account, we sent a link there. Check your email.
set-password-title = Choose a password
set-password-intro = Choose a password. After that you can sign in with your email address and this password.
set-password-submit = Save the password
notice-password-set = The password is saved. You can now sign in.
change-password-title = Change password
change-password-intro = When you change your password, you are signed out on all other devices.
change-password-submit = Change password
notice-password-changed = The password is changed. Other devices have been signed out.
field-new-password = New password
field-current-password = Current password
field-error-new-password = The password must have at least 10 characters.
field-error-current-password = The current password is wrong.
error-invalid-token = The link has been used or has expired. Ask for a new link on the page "Forgot your password?".
error-too-many = Too many attempts. Wait a moment and then try again.
error-own-account = You cannot close your own account.
users-title = Accounts
users-search = Search by name or email
users-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
col-roles = Roles
user-active = In use
user-inactive = Closed
user-deactivate = Close the account
user-reactivate = Open the account
notice-user-deactivated = The account is closed. The person has been signed out.
notice-user-reactivated = The account is open again.
role-admin = administrator
role-catalogue-manager = catalogue manager
role-case-worker = case worker
role-finance = finance
role-moderator = review moderator
role-provider-staff = provider
role-client = client
role-proxy = person acting for a client

## The catalogue over time and the income-related voucher value
catalogue-archived = Archived { $date }
catalogue-open-entry = open the service's page
back-to-catalogue = Back to the catalogue
back-to-service = Back to the service
service-title = Service
service-archived-on = Archived { $date }. The service can no longer be ordered, and no new offerings can be added for it. Running orders go on.
service-history-heading = Prices and terms over time
service-history-intro = Each row says which money terms held on which days. A service is always paid with the terms of the day it was given.
col-valid-from = From
col-valid-to = Until
col-changed = Changed
terms-in-force = in force now
terms-first = the first terms
terms-coming = coming
income-rule-heading = Voucher value by income
income-rule-summary = at most { $max }, at least { $min }; { $percent } % of the income over the limit, spread over { $units } units a month; income limits { $limits }
service-edit-heading = Change the service
service-edit-intro = The name and rulebook change at once. The money terms change from the day you choose: services given before that day are paid with the old terms.
service-save = Save the changes
service-archive-heading = Archive the service
service-archive-explain = An archived service can no longer be ordered or granted, and no new offerings can be added for it. It leaves search. Running orders go on, and services can be recorded on them.
service-archive-button = Archive the service…
service-archive-title = Archive the service
service-archive-confirm-heading = Do you really want to archive the service?
service-archive-confirm = Yes, archive the service
service-archive-keep = Do not archive
field-reference-price = Reference price
field-terms-valid-from = Money terms in force from
field-terms-valid-from-hint = Today or later. This is for the voucher value, price cap, reference price, VAT, payment methods and the value by income.
field-income-rule-hint = Fill in these five only if the voucher value depends on the client's income. Otherwise leave them empty.
field-income-max = Value by income: highest value (€)
field-income-min = Value by income: lowest value (€)
field-income-percent = Share of the income over the limit that counts (%)
field-income-units = Units a month
field-income-limits = Monthly income limits by household size (€)
field-income-limits-hint = One limit per line: first a household of one, then of two, and so on. The last limit also applies to larger households.
field-household-size = Household size (people)
field-monthly-income = Household income a month (€)
field-income-instead-hint = If the service's voucher value depends on income, fill in these two instead of the voucher value. The value is computed with the rule of the decision's first day.
voucher-value-income-related = depends on income
voucher-basis-heading = How your voucher value was set
notice-service-changed = The changes are saved.
notice-service-unchanged = Nothing was changed.
notice-service-archived = The service is archived.
error-service-archived = The service is archived. It can no longer be ordered or changed.
error-no-income-rule = This service's voucher value does not depend on income.
field-error-reference-price = Write the reference price in euros, e.g. 38,50.
field-error-income-max = Write the highest value in euros. If the voucher value does not depend on income, leave all five empty.
field-error-income-min = Write the lowest value in euros. It cannot be more than the highest value.
field-error-income-percent = Write a percentage from 0 to 100.
field-error-income-units = Write the number of units a month. It must be more than 0.
field-error-income-limits = Write at least one income limit in euros, one per line.
field-error-household-size = Write the household size as a number, e.g. 2. Fill in either the household size and income or the voucher value.
field-error-monthly-income = Write the income in euros, e.g. 2400,00. Fill in either the household size and income or the voucher value.
field-error-body = You did not change anything.
# Issue 15.7: invoices an operator accepts
cancel = Cancel
col-net = Excl. VAT
col-gross = Incl. VAT
field-einvoice-address = E-invoice address
field-einvoice-address-hint = An OVT code, for example 003712345671, or an address in IBAN form. Leave empty if you have none.
field-einvoice-operator = Operator ID
field-einvoice-operator-hint = Your e-invoice operator's ID, for example 003721291126 or NDEAFIHH.
field-error-einvoice-address = Check the e-invoice address: an OVT code (0037 and the business ID's digits) or an IBAN.
field-error-einvoice-operator = Check the operator ID: 2–35 letters and digits, for example 003721291126.
error-preview-changed = The services to invoice changed after the preview. Check the new figures and confirm again.
einvoice-heading = Our e-invoice address
einvoice-intro-purchaser = When both you and the provider have given an e-invoice address and operator ID, the Finvoice carries complete routing details for the operator.
settlement-check = Check the invoices before making them ({ $month })
settlement-preview-title = Settlement preview
settlement-preview-heading = Check before invoicing
settlement-preview-intro = These invoices and credit notes are made when you confirm. Nothing has been invoiced yet.
settlement-preview-invoices = Invoices
settlement-preview-credit-notes = Credit notes
settlement-preview-waiting = Left waiting
settlement-preview-caption = Invoices to be made, by provider
settlement-preview-supplementary = Ready: goes on a supplementary invoice
settlement-confirm = Confirm and make { $count ->
    [one] 1 invoice
   *[other] { $count } invoices
} and { $n ->
    [one] 1 credit note
   *[other] { $n } credit notes
}
settlement-back = Back to settlement
invoice-open = (open the invoice)
invoice-finvoice-link = Finvoice e-invoice (XML)
invoice-csv-link = Invoice rows (CSV)
invoice-back = Back
invoice-credit-note-intro = A credit note pays back the amounts of voided or disputed services. Its amounts are negative.
invoice-supplementary-intro = Supplementary invoice: services recorded after the month's first invoice.
invoice-seller = Seller
invoice-buyer = Buyer
invoice-reference = Reference number
invoice-to-pay = To pay
invoice-rows = Invoice rows
invoice-rows-explained = On every row: quantity × unit price = total price. The client's own share is taken off it; the rest is the purchaser's share, which the purchaser pays. Purchaser's share = excluding VAT + VAT.
invoice-rows-caption = Rows of invoice
invoice-unit-price = Unit price (incl. VAT)
invoice-vat-rate = VAT %
invoice-vat-excluded-short = excl. VAT
invoice-sum = Total
invoice-totals = Summary
invoice-vat-caption = VAT by rate
invoice-original = Credits invoice { $number } ({ $date })
