# Money rules over time (issue #15): voids with a reason, disputes the client can follow,
# prices from a day, late recording, grace days and expiry. Kept apart from portal.ftl.

## Mina pengar: what happened to a row, in plain words
balance-expired = Förfallit
grace-open-until = Serviceproducenten kan registrera tjänster som getts under beslutet fram till { $date }.
row-notes-link = Mer information
row-notes-heading = Mer om registreringarna: { $title }
row-voided = Makulerad.
row-voided-reason = Makulerad. Orsak: { $text }
row-corrected = Rättad efter reklamation
row-corrected-note = Den här raden har rättats efter en reklamation. Den ersätter den tidigare registreringen.
row-dispute-made = Reklamation gjord { $date }. Orsak: { $text }
row-provider-account = Serviceproducentens förklaring: { $text }
row-dispute-open = Reklamationen behandlas. En anställd beslutar om saken.
row-dispute-upheld = Reklamationen godkändes. Pengarna gick tillbaka till saldot.
row-dispute-partly = Reklamationen godkändes delvis: verklig mängd { $value }. Skillnaden gick tillbaka till saldot.
row-dispute-rejected = Reklamationen godkändes inte.
row-decision-reason = Den anställdas motivering: { $text }
dispute-until = Du kan reklamera fram till { $date }
dispute-state-open = Reklamation under behandling
dispute-state-upheld = Reklamationen godkänd
dispute-state-partly-upheld = Reklamationen delvis godkänd
dispute-state-rejected = Reklamationen inte godkänd
dispute-partly-upheld = Delvis godkänd
entry-expiry = Förfallit

## Quantities with their unit: "1 timme", "2 timmar"
units-hour = timmar
units-day = dagar
units-visit = besök
units-trip = resor
units-month = månader
units-session = gånger
units-piece = st.

## Provider: voiding a delivery
void-title = Makulera registreringen
void-heading = Ska registreringen makuleras?
back-to-deliveries = Tillbaka till registreringarna
void-intro = När du makulerar registreringen går pengarna tillbaka till klienten. Berätta varför. Klienten ser orsaken.
void-reason = Varför makuleras registreringen?
void-reason-hint = Klienten ser orsaken bredvid registreringen.
void-confirm = Makulera registreringen
void-keep = Makulera inte
void-not-possible = Den här registreringen kan inte makuleras, eftersom den inte längre gäller.

## Provider: disputes about its deliveries
provider-disputes-title = Reklamationer
provider-disputes-heading = Reklamationer
provider-disputes-intro = Klienten anser att en registrering är fel. Ge din förklaring. Beställarens anställda läser den och beslutar om saken.
dispute-made-on = Reklamation gjord
dispute-client-reason = Klientens orsak
dispute-provider-account = Serviceproducentens förklaring
dispute-outcome = Beslut
dispute-decision-reason = Den anställdas motivering
dispute-found-delivered = Delvis godkänd: verklig mängd { $value }
provider-account-label = Din förklaring
provider-account-replace = En ny förklaring ersätter den förra
provider-account-hint = Berätta vad som gavs. Den anställda och klienten ser förklaringen.
provider-account-send = Skicka förklaringen
notice-provider-account-sent = Förklaringen har skickats. En anställd beslutar om saken.
field-error-account = Skriv en förklaring (högst 4 000 tecken).

## Case worker: deciding a dispute
dispute-recorded-quantity = Registrerad mängd
dispute-no-account = Serviceproducenten har inte gett någon förklaring än.
dispute-decision = Beslut
dispute-choose-uphold = Godkänn: hela registreringen återförs
dispute-choose-partly = Godkänn delvis: bara den verkliga mängden betalas
dispute-choose-reject = Avslå
dispute-found-quantity = Verklig mängd
dispute-found-quantity-hint = Bara om du godkänner delvis. Registrerad mängd är { $value }. Skillnaden går tillbaka till klienten.
dispute-decision-reason-hint = Klienten och serviceproducenten ser motiveringen.
dispute-decide = Spara beslutet
notice-dispute-partly-upheld = Reklamationen har godkänts delvis. Skillnaden gick tillbaka till klienten.
field-error-decision = Välj ett beslut.
field-error-found-quantity = Skriv den verkliga mängden som ett tal, till exempel 1 eller 1,5. Den ska vara mindre än den registrerade mängden.

## Case worker: late recording on a commitment
late-recording-open = Sen registrering tillåten till { $date }: { $text }
late-recording-allow = Tillåt sen registrering
late-recording-until = Sista dag
late-recording-until-hint = Serviceproducenten kan registrera gamla tjänster fram till den här dagen. Högst 90 dagar framåt.
late-recording-reason = Orsak
late-recording-reason-hint = Orsaken sparas i händelseloggen.
notice-late-recording-opened = Sen registrering är tillåten.
field-error-until = Skriv en dag: i dag eller högst 90 dagar framåt.

## Grace days
field-grace-days = Tid för efterregistrering (dagar)
field-grace-days-hint = Hur många dagar efter beslutets slut serviceproducenten ännu kan registrera tjänster som getts under beslutet (0–365). Om du lämnar fältet tomt används beställarens standard.
field-error-grace-days = Skriv antalet dagar som ett heltal 0–365.
field-default-grace-days = Tid för efterregistrering för nya beslut (dagar)
field-default-grace-days-hint = Hur många dagar efter beslutets slut tjänster ännu kan registreras (0–365). Gäller nya beslut.
grace-rule = { $count ->
    [0] Nya beslut har ingen tid för efterregistrering: tjänsterna ska registreras under beslutet.
    [one] Tjänster under nya beslut kan registreras ännu 1 dag efter att beslutet har upphört.
   *[other] Tjänster under nya beslut kan registreras ännu { $count } dagar efter att beslutet har upphört.
}

## Provider: prices over time
field-price-from = Priset ändras från
field-price-from-hint = Lämna tomt om det nya priset gäller från i dag. Klienter med en gällande beställning får veta det per e-post.
field-error-price-from = Skriv en dag som är i dag eller senare. Priset kan inte ändras bakåt i tiden.
price-changes-on = Priset ändras från { $date }: { $price }
prices-heading = Priser
prices-history = Prishistorik
col-price-from = Från
col-price-to = Till
price-still-holds = tills vidare
