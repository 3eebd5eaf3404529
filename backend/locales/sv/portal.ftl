# Valinta portal, Swedish (as used in Finland). Client pages use easy-to-read language (lättläst):
# short sentences, common words, one thing at a time.

## Layout
skip-to-content = Gå till innehållet
nav-label = Huvudmeny
nav-search = Sök tjänster
nav-my-money = Mina pengar
nav-provider = Mitt företag
nav-offerings = Tjänster
nav-commitments = Beställningar
nav-deliveries = Utförda tjänster
nav-catalogue = Tjänsteutbud
nav-applications = Ansökningar
nav-clients = Klienter
nav-disputes = Reklamationer
language-choose = Välj språk
signed-in-as = Inloggad som:
sign-in = Logga in
sign-out = Logga ut
footer-text = Valinta – servicesedlar och personlig budget. Du får hjälp av din kontaktperson.
whose-matters = Du ser ärenden för klienten { $name }.
required = obligatorisk
choose-one = Välj
save = Spara
edit = Redigera
yes = Ja
no = Nej
accept = Godkänn
decline = Avböj
approve = Godkänn
reject = Avslå
uphold = Godkänn reklamationen
void = Makulera
archive = Dölj tjänsten
opens-other-site = (öppnas på en annan webbplats)
back-to-front = Till startsidan

## Errors
error-title = Något gick fel
error-summary-title = Kontrollera uppgifterna
error-check-form = Det finns ett fel i formuläret. Rätta de markerade punkterna.
error-forbidden = Du har inte rätt att göra det här.
error-not-found = Sidan hittades inte. Den kan ha tagits bort, eller så är adressen fel.
error-bad-request = Begäran kunde inte läsas. Gå tillbaka och försök igen.
error-conflict = Det går inte att göra det här nu, eftersom läget har ändrats. Ladda om sidan.
error-too-large = Uppgifterna som du skickade är för stora.
error-internal = Det blev ett fel hos oss. Ingenting ändrades. Försök igen om en stund.
error-search-unavailable = Sökningen är inte tillgänglig just nu. Ingenting ändrades. Försök igen om en stund.
error-csrf = Formuläret är för gammalt eller kom från en annan webbplats. Ladda om sidan och försök igen.
error-malformed-request = Formuläret kunde inte läsas. Kontrollera uppgifterna.
error-unauthorized = Logga in först.
error-invalid-field = En uppgift är inte giltig. Rätta de markerade punkterna.
error-internal-error = Det blev ett fel hos oss. Ingenting ändrades.
error-overdraw = Det finns inte tillräckligt med pengar för det här. Ingenting bokfördes.
error-wrong-status = Det går inte att göra det här i det här skedet.
error-duplicate = Det här finns redan.
error-duplicate-reference = En annan tjänst har redan bokförts med den här referensen. Använd en annan referens.
error-idempotency-conflict = Andra uppgifter har redan bokförts med den här referensen. Använd en annan referens.
error-not-approved = Serviceproducenten är ännu inte godkänd för den här tjänsten.
error-allocation-ended = Beslutet gäller inte längre.
error-already-settled = Det här är redan fakturerat. Det kan inte ändras längre.
error-dispute-open = En reklamation har redan gjorts om det här.
error-dispute-window-closed = Du kan göra en reklamation inom 14 dagar från den dag tjänsten gavs.
field-error-generic = Kontrollera den här punkten.
field-error-quantity = Skriv mängden med siffror, till exempel 2 eller 1,5. Mängden får inte vara större än de pengar som finns kvar.
field-error-unit-price = Skriv priset i euro, till exempel 45,00. Priset får inte vara högre än maxpriset.
field-error-date = Skriv dagen rätt. Dagen ska vara inom beslutets giltighetstid, och den får inte vara i framtiden.
field-error-reference = Skriv en referens. Det kan till exempel vara besökets nummer.
field-error-reserve = Summan som du reserverar kan inte vara större än de pengar som finns att använda.
field-error-granted = Skriv summan i euro, till exempel 1200,00.
field-error-valid-from = Skriv startdagen.
field-error-valid-to = Skriv slutdagen. Den kan inte vara före startdagen.
field-error-personal-id = Personbeteckningen är inte rätt. Kontrollera den.
field-error-business-id = FO-numret är inte rätt. Kontrollera det.
field-error-email = Skriv e-postadressen rätt.
field-error-password = Lösenordet ska ha minst 10 tecken.
field-error-name = Skriv namnet.
field-error-title-fi = Skriv rubriken på finska.
field-error-description-fi = Skriv beskrivningen på finska.
field-error-municipalities = Välj minst en kommun i beställarens område.
field-error-municipality = Skriv namnet eller numret på en kommun i ert område, till exempel Kervo eller 245.
field-error-languages = Välj minst ett språk.
field-error-method = Det här betalningssättet kan inte användas med det här beslutet.
field-error-allocation = Välj ett beslut. Beslutet ska passa för den här tjänsten.
field-error-allocation-id = Välj ett beslut. Beslutet ska passa för den här tjänsten.
field-error-offering-id = Den här tjänsten kan inte väljas med det här beslutet.
field-error-service-id = Välj en tjänst.
field-error-service-ids = Välj tjänster ur beställarens tjänsteutbud.
field-error-services = Välj minst en tjänst.
field-error-voucher-value = Skriv sedelns värde i euro, till exempel 40,00.
field-error-price-cap = Skriv maxpriset i euro.
field-error-code = Skriv tjänstens kod.
field-error-unit = Välj en enhet.
field-error-methods = Välj minst ett betalningssätt.
field-error-reason = Skriv orsaken.
field-error-accept = Du måste godkänna regelboken.
field-error-kind = Välj servicesedel eller personlig budget.
field-error-phone = Telefonnumret får bara innehålla siffror, mellanslag och tecknen + - ( ).
field-error-relation = Skriv vilken relation ombudet har till klienten.
field-error-purchaser = Välj en beställare.
field-error-name-fi = Skriv namnet på finska.

## Front page
home-title = Startsida
home-heading = Hitta en tjänst som passar dig
home-intro = Du kan söka tjänster, jämföra dem och betala med servicesedel eller personlig budget.
home-categories = Tjänster
home-no-categories = Inga tjänster har lagts till ännu.
home-how-title = Så här fungerar det
home-how-1 = Sök en tjänst. Du kan begränsa sökningen, till exempel efter kommun eller språk.
home-how-2 = Jämför tjänster och deras priser.
home-how-3 = Välj en tjänst. Serviceproducenten bekräftar beställningen.
offer-count = { $count ->
    [one] { $count } tjänst
   *[other] { $count } tjänster
}

## Search
search-title = Sök tjänster
search-heading = Sök tjänster
search-label = Vilken tjänst söker du?
search-button = Sök
search-hint = Till exempel städning, hemvård eller simning.
search-bad-filter = Begränsningen { $filter } är inte giltig. Kontrollera den.
filters-heading = Begränsa sökningen
filters-apply = Visa resultat
filters-clear = Ta bort begränsningar
filter-any = Alla
filter-municipality = Kommun
filter-service = Tjänst
filter-method = Betalningssätt
filter-language = Tjänstens språk
filter-accessibility = Tillgänglighet
filter-max-price = Högsta pris (euro)
filter-max-price-hint = Till exempel 50 eller 49,90.
filter-min-rating = Lägsta betyg
filter-rating-at-least = Betyg { $stars } eller högre
filter-sort = Ordning
filter-q = Sökord
filter-page = Sida
filter-per-page = Resultat per sida
filter-lat = Plats
filter-lon = Plats
filter-purchaser = Beställare
filter-social-care = Socialtjänst
sort-relevance = Bästa träffarna först
sort-rating = Bästa betygen först
sort-price = Billigaste först
results-heading = Resultat
results-count = { $count ->
    [0] Inga tjänster hittades.
    [one] 1 tjänst hittades.
   *[other] { $count } tjänster hittades.
}
results-none = Pröva ett annat sökord eller ta bort begränsningar.
compare-hint = Välj 2–4 tjänster och jämför dem.
compare-this = Jämför: { $title }
compare-button = Jämför valda
compare-selected = Valda: { $n }.
pages-label = Sidor
page-previous = Föregående sida
page-next = Nästa sida
page-number = Sida { $number }
fact-price = Pris
offering-price-changes = Priset ändras från och med { $date }: { $price }
fact-rating = Betyg
fact-area = Kommuner
fact-languages = Språk
fact-accessibility = Tillgänglighet
fact-provider = Serviceproducent
fact-service = Tjänst
fact-voucher-value = Sedelns värde
fact-methods = Betalningssätt
fact-address = Adress
fact-business-id = FO-nummer
fact-not-told = Inte angivet
fact-own-share = Din självriskandel
fact-affordable = Dina pengar räcker till
price-per-unit = { $price } / { $unit }
rating-summary = { $average } / 5 ({ $count ->
    [one] 1 betyg
   *[other] { $count } betyg
})
rating-none = Inga betyg ännu

## Offering and provider
offering-title = Tjänst
back-to-search = Tillbaka till sökningen
offering-archived = Den här tjänsten finns inte längre.
map-link = Visa på kartan
choose-this = Välj den här tjänsten
reviews-heading = Betyg
provider-title = Serviceproducent
provider-offerings = Tjänster
provider-no-offerings = Den här serviceproducenten har inga tjänster just nu.
col-offering = Tjänst

## Compare
compare-title = Jämför tjänster
compare-heading = Jämför tjänster
compare-caption = Tjänsterna bredvid varandra
compare-allocation = Beslutet som du betalar med
compare-update = Uppdatera jämförelsen
compare-pick-2-4 = Välj 2–4 tjänster att jämföra.
compare-not-covered = Du kan inte betala den här tjänsten med det här beslutet.
units-affordable = { $amount } (uppskattning)
col-next-step = Nästa steg
choose-named = Välj { $title }
allocation-label = { $kind }, { $available } kvar, gäller till { $until }

## Sign in
signin-title = Logga in
signin-heading = Logga in
signin-failed = E-postadressen eller lösenordet är fel. Försök igen.
signin-throttled = För många försök. Vänta { $minutes } min och försök sedan igen.
signin-help = Om du inte kommer in, kontakta din kontaktperson.
signin-strong-heading = Klienter och ombud
signin-strong-hint = Identifiera dig på samma sätt som i nätbanken. Du behöver inget lösenord.
signin-strong = Identifiera dig starkt (bankkoder, mobilcertifikat)
signin-password-heading = Personal: logga in med e-post och lösenord
oidc-choose-title = Välj hur du loggar in
oidc-choose-heading = Välj hur du loggar in
oidc-choose-lead = Du kan logga in som dig själv eller sköta ärenden för någon annan. Välj ett.
oidc-as-client = Som mig själv: { $name }
oidc-as-proxy = Som ombud: { $name }
oidc-unknown-title = Du finns inte i tjänsten
oidc-unknown = Identifieringen lyckades, men du är inte klient och har ingen fullmakt. Kontakta socialtjänsten i ditt eget välfärdsområde. Där får du servicesedeln och de kan lägga till dig i tjänsten.
oidc-failed-title = Identifieringen lyckades inte
oidc-failed = Identifieringen avbröts, gick ut eller var redan använd. Börja om från början.
oidc-unavailable-title = Identifieringen fungerar inte just nu
oidc-unavailable = Stark identifiering fungerar inte just nu. Försök igen om en stund.
field-email = E-post
field-password = Lösenord

## My money (client, plain language)
money-title = Mina pengar
money-heading = Mina pengar
money-none = Du har inget beslut ännu.
acting-title = Vems ärenden sköter du?
acting-heading = Vems ärenden sköter du nu?
acting-intro = Välj person. Sedan ser du bara den personens ärenden tills du byter.
acting-for-button = Jag sköter ärenden för { $name }
acting-own-button = Jag sköter mina egna ärenden ({ $name })
acting-current = (vald nu)
acting-region = Vems ärenden du sköter
acting-banner = Du sköter nu ärenden för { $name }.
acting-switch = Byt person
choose-submit-for = Beställ för { $name }
dispute-submit-for = Skicka reklamationen för { $name }
proxy-switch-label = Vems ärenden sköter du?
proxy-switch-button = Byt
allocation-period = Gäller { $from } – { $to }
allocation-use-for = Du kan använda pengarna till de här tjänsterna:
allocation-any-service = alla tjänster som beslutet tillåter
voucher-value-is = Sedelns värde är { $value } för en gång eller en timme. Om tjänsten kostar mer, betalar du skillnaden själv.
balance-available = Kan användas
balance-reserved = Reserverat
balance-spent = Använt
balance-granted = Beviljat totalt
money-services-heading = Tjänster som du har valt
money-no-commitments = Du har inte valt någon tjänst ännu.
money-find-service = Sök en tjänst
money-no-deliveries = Ingen tjänst har bokförts ännu.
commitment-status = Läge
deliveries-of = Utförda tjänster: { $title }
col-date = Dag
col-quantity = Mängd
col-total = Pris totalt
col-paid-from-balance = Betalt med dina pengar
col-own-share = Självriskandel
col-status = Status
col-actions = Åtgärder
dispute-link = Gör en reklamation

## Choosing an offering
choose-title = Välj tjänst
choose-heading = Välj tjänst
choose-intro = Gör en beställning. Serviceproducenten bekräftar den.
choose-allocation = Med vilket beslut betalar du?
choose-method = Betalningssätt
choose-method-hint = Om du inte vet, välj det första.
choose-reserve = Reservera pengar för den här tjänsten (euro)
choose-reserve-hint = Inte obligatoriskt. Reserverade pengar väntar på den här tjänsten.
choose-next-step = När du skickar beställningen får serviceproducenten den. Du ser läget på sidan Mina pengar.
choose-submit = Skicka beställningen
choose-no-allocation = Du har inget beslut som du kan betala med. Kontakta din kontaktperson.
back-to-offering = Tillbaka till tjänsten

## Dispute
dispute-title = Reklamation
dispute-heading = Är det något fel här?
dispute-intro = Berätta vad som är fel. En anställd kontrollerar saken och svarar dig.
dispute-reason = Vad är fel?
dispute-reason-hint = Till exempel: tjänsten gavs inte den här dagen.
dispute-submit = Skicka reklamationen
back-to-money = Tillbaka till sidan Mina pengar

## Provider
provider-home-title = Mitt företag
provider-todo = Uppgifter
provider-waiting = { $count ->
    [0] Inga nya beställningar
    [one] 1 ny beställning väntar på ditt svar
   *[other] { $count } nya beställningar väntar på ditt svar
}
provider-record-link = Bokför en utförd tjänst
provider-applications-link = Ansök om godkännande hos en beställare
provider-profile = Kontaktuppgifter
field-provider-name = Företagets namn
field-phone = Telefon
applications-title = Ansökningar
applications-heading = Ansökningar till beställare
applications-mine = Mina ansökningar
applications-none = Inga ansökningar.
applications-new = Ny ansökan
apply-purchaser = Beställare
apply-show-services = Visa tjänster
apply-services-of = Tjänster som du ansöker om ({ $purchaser })
apply-no-services = Beställaren har inga tjänster ännu.
rulebook-of = Regelbok: { $service }
apply-accept = Jag har läst regelböckerna och förbinder mig att följa dem.
apply-submit = Skicka ansökan
col-purchaser = Beställare
col-services = Tjänster
col-reason = Motivering
offerings-title = Tjänster
offerings-heading = Mina tjänster
offering-new-link = Lägg till en tjänst
offerings-need-approval = Du kan lägga till tjänster när beställaren har godkänt dig.
offerings-none = Inga tjänster.
status-archived = Dold
status-listed = Synlig
offering-new-title = Ny tjänst
offering-edit-title = Redigera tjänsten
back-to-offerings = Tillbaka till tjänsterna
field-service = Tjänst ur beställarens tjänsteutbud
field-title-fi = Rubrik på finska
field-title-sv = Rubrik på svenska
field-title-en = Rubrik på engelska
field-description-fi = Beskrivning på finska
field-description-sv = Beskrivning på svenska
field-description-en = Beskrivning på engelska
field-unit-price = Pris per enhet (euro)
field-unit-price-hint = Till exempel 45,00.
field-municipalities = Kommuner där du ger service
field-languages = Språk som du ger service på
field-accessibility = Tillgänglighet
field-address = Adress
archive-explain = Tjänsten tas bort från sökningen. Gjorda beställningar finns kvar.
commitments-title = Beställningar
commitments-heading = Beställningar
commitments-none = Inga beställningar.
col-client = Klient
record-delivery = Bokför tjänst
deliver-title = Bokför en utförd tjänst
deliver-heading = Bokför en utförd tjänst
deliver-reserved-before = Reserverat nu
deliver-reserved-after = Reserverat efter bokföringen
deliver-available-after = Klienten kan använda efter bokföringen
deliver-preview = Så här påverkar bokföringen
deliver-check = Kontrollera effekten
deliver-submit = Bokför
field-delivery-date = Dagen då tjänsten gavs
field-quantity = Mängd
field-quantity-hint = Till exempel 2 timmar eller 1,5.
field-reference = Egen referens
field-reference-hint = Den ifyllda referensen hindrar att samma bokföring sparas två gånger.
back-to-commitments = Tillbaka till beställningarna
deliveries-title = Utförda tjänster
deliveries-heading = Utförda tjänster
deliveries-record-heading = Bokför ny
record-for = Bokför: { $title }
month-label = Månad { $month }
month-nav = Månader
month-previous = Föregående månad
month-next = Nästa månad
deliveries-none = Inga bokföringar för den här månaden.
deliveries-month-total = Totalt
col-purchaser-share = Beställarens andel

## Purchaser
catalogue-title = Tjänsteutbud
catalogue-heading = Tjänsteutbud
catalogue-none = Det finns inga tjänster i utbudet ännu.
catalogue-new = Lägg till en tjänst i utbudet
catalogue-add = Lägg till tjänst
col-name = Namn
field-service-code = Kod
field-name-fi = Namn på finska
field-name-sv = Namn på svenska
field-name-en = Namn på engelska
field-unit = Enhet
field-social-care = Socialtjänst
field-methods = Betalningssätt
field-voucher-value = Sedelns värde (euro)
field-price-cap = Maxpris (euro)
field-rulebook = Regelbok
field-rulebook-hint = En regel per rad.
purchaser-applications-title = Ansökningar
purchaser-applications-heading = Serviceproducenternas ansökningar
decision-reason = Motivering
decision-reason-hint = Obligatorisk vid avslag. Serviceproducenten ser motiveringen.
clients-title = Klienter
clients-heading = Klienter
clients-none = Inga klienter.
clients-new = Lägg till klient
clients-add = Lägg till klient
field-client-name = Klientens namn
field-personal-id = Personbeteckning
field-personal-id-hint = Visas bara delvis.
field-municipality = Hemkommun
field-municipality-hint = Kommunens namn på svenska eller finska eller kommunnumret, till exempel Kervo, Kerava eller 245.
field-client-email-hint = Om klienten har e-post får hen en länk dit och väljer ett eget lösenord. Utan e-post loggar klienten in med bankkoder eller mobilcertifikat.
field-new-password-hint = Minst 10 tecken.
client-title = Klient
back-to-clients = Tillbaka till klienterna
grant-link = Gör ett nytt beslut
client-allocations = Beslut
ledger-heading = Händelser
col-event = Händelse
same-person-heading = Den här klienten är samma person som:
same-person-help = Personbeteckningarna är desamma, fast de skrivits på olika sätt. Samla uppgifterna hos en klient och avsluta den andras beslut.
mandates-heading = Ombud
mandates-none = Klienten har inget ombud.
mandate-status = Status
mandate-live = Gäller
mandate-ended = Upphörde { $date }
mandate-until-revoked = Tills vidare
mandate-revoke = Avsluta rätten
mandate-revoke-reason = Varför upphör rätten?
mandate-revoke-button = Avsluta rätten nu
field-valid-until = Gäller senast till
field-valid-until-hint = Lämna tomt om rätten gäller tills vidare.
field-proxy-email-hint = Personen får en länk per e-post och väljer ett eget lösenord.
field-proxy-personal-id-hint = Om personen identifierar sig med bankkoder eller mobilcertifikat.
proxy-confirm-heading = Den här personen finns redan i Valinta
proxy-confirm-text = E-postadressen eller personbeteckningen hör redan till den här personen. Kontrollera att det är rätt person.
proxy-confirm-button = Ja, lägg till personen som ombud
proxy-confirm-else = Om det är fel person, rätta uppgifterna nedan.
notice-mandate-revoked = Rätten att sköta ärenden har upphört.
field-error-valid-until = Skriv ett datum som inte har passerat.
field-error-confirm-existing = Kontrollera personen igen.
error-two-people = E-postadressen och personbeteckningen hör till två olika personer. Kontrollera dem.
error-already-ended = Rätten har redan upphört.
proxy-add-heading = Lägg till ombud
proxy-add = Lägg till ombud
field-proxy-name = Ombudets namn
field-relation = Relation till klienten
field-relation-hint = Till exempel dotter eller intressebevakare.
grant-title = Nytt beslut
grant-heading = Nytt beslut
grant-submit = Gör beslutet
back-to-client = Tillbaka till klienten
field-funding-kind = Typ av beslut
field-granted = Beviljad summa (euro)
field-euros-hint = Till exempel 1200,00.
field-valid-from = Börjar
field-valid-to = Slutar
field-allocation-services = Tjänster som pengarna kan användas till
field-allocation-services-hint = För servicesedel, välj tjänsterna. För personlig budget betyder tomt alla tjänster i utbudet.
field-voucher-value-hint = Om tomt, används sedelns värde från utbudet.
disputes-title = Reklamationer
disputes-heading = Reklamationer
disputes-none = Inga reklamationer.

## Confirmations
notice-signed-out = Du har loggat ut.
notice-switched = Nu ser du ärenden för klienten som du valde.
notice-commitment-requested = Beställningen har skickats. Serviceproducenten bekräftar den.
notice-dispute-sent = Reklamationen har skickats. En anställd kontrollerar saken.
notice-saved = Uppgifterna har sparats.
notice-application-sent = Ansökan har skickats.
notice-offering-saved = Tjänsten har sparats.
notice-offering-archived = Tjänsten har dolts.
notice-commitment-accepted = Beställningen har godkänts.
notice-commitment-declined = Beställningen har avböjts.
notice-delivery-recorded = Tjänsten har bokförts. Klientens saldo har uppdaterats.
notice-delivery-voided = Bokföringen har makulerats. Pengarna gick tillbaka till klienten.
notice-service-added = Tjänsten har lagts till i utbudet.
notice-application-approved = Ansökan har godkänts.
notice-application-rejected = Ansökan har avslagits.
notice-client-added = Klienten har lagts till.
notice-proxy-added = Ombudet har lagts till.
notice-allocation-granted = Beslutet har gjorts.
notice-dispute-upheld = Reklamationen har godkänts. Pengarna gick tillbaka till klienten.
notice-dispute-rejected = Reklamationen har avslagits.

## Vocabularies
unit-hour = timme
unit-day = dag
unit-visit = besök
unit-trip = resa
unit-month = månad
unit-session = gång
unit-piece = st.
amount-hour = { $count ->
    [one] { $amount } timme
   *[other] { $amount } timmar
}
amount-day = { $count ->
    [one] { $amount } dag
   *[other] { $amount } dagar
}
amount-visit = { $count ->
    [one] { $amount } besök
   *[other] { $amount } besök
}
amount-trip = { $count ->
    [one] { $amount } resa
   *[other] { $amount } resor
}
amount-month = { $count ->
    [one] { $amount } månad
   *[other] { $amount } månader
}
amount-session = { $count ->
    [one] { $amount } gång
   *[other] { $amount } gånger
}
amount-piece = { $count ->
    [one] { $amount } st.
   *[other] { $amount } st.
}
method-voucher = Servicesedel
method-payment-commitment = Betalningsförbindelse
method-direct-invoice = Direktfakturering
funding-voucher = Servicesedel
funding-personal-budget = Personlig budget
access-wheelchair = Tillgängligt med rullstol
access-sign-language = Teckenspråk
access-plain-language = Lättläst språk
access-hearing-loop = Hörslinga
access-home-visits = Hembesök
access-braille = Punktskrift
access-parking = Invaparkering
language-fi = finska
language-sv = svenska
language-en = engelska
language-se = samiska
language-ru = ryska
language-et = estniska
language-ar = arabiska
language-so = somaliska
language-fa = persiska
language-uk = ukrainska
commitment-requested = Väntar på bekräftelse
commitment-accepted = Godkänd
commitment-declined = Avböjd
commitment-closed = Avslutad
commitment-cancelled = Annullerad
delivery-recorded = Bokförd
delivery-voided = Makulerad
delivery-reversed = Återförd på grund av reklamation
application-pending = Väntar på beslut
application-approved = Godkänd
application-rejected = Avslagen
dispute-open = Under behandling
dispute-upheld = Godkänd
dispute-rejected = Avslagen
entry-grant = Beviljat
entry-reserve = Reserverat
entry-release = Reservering upphävd
entry-spend = Använt
entry-reverse = Återfört
entry-expire = Förfallit

## Omdömen
provider-rating = Omdömen om alla tjänster
nav-my-reviews = Mina omdömen
nav-reviews = Omdömen
nav-moderation = Granskning av omdömen
notice-review-saved = Tack! Ditt omdöme har sparats.
notice-review-reported = Tack. En granskare tittar på omdömet.
notice-reply-saved = Ert svar har sparats. Det visas under omdömet.
notice-review-hidden = Omdömet är dolt. Skribenten ser orsaken.
notice-review-kept = Omdömet förblir synligt. Anmälningarna är behandlade.
notice-review-restored = Omdömet är synligt igen.
reviews-verified-note = Bara klienter som har använt serviceproducentens tjänst kan skriva omdömen. Omdömena visar inte vem som skrev dem.
reviews-distribution = Hur många stjärnor omdömena gav
reviews-pages = Fler omdömen
reviews-newer = Nyare omdömen
reviews-older = Äldre omdömen
review-report-link = Anmäl omdömet
review-verified-client = Verifierad klient
review-reply-from-provider = Serviceproducentens svar
review-edited = ändrat
review-edited-on = ändrat { $date }
review-stars = { $stars } / 5 stjärnor
review-stars-count = { $stars ->
    [one] 1 stjärna
   *[other] { $stars } stjärnor
}
report-title = Anmäl ett omdöme
report-heading = Anmäl ett omdöme
report-intro = Berätta vad som är fel med omdömet. En granskare vid välfärdsområdet läser din anmälan. Du behöver inte logga in.
report-reason = Vad är fel med omdömet?
report-reason-hint = Till exempel: det nämner en person, det är reklam eller det är kränkande.
report-submit = Skicka anmälan
review-title = Hur gick det?
review-heading = Hur gick det?
review-intro = Berätta för andra klienter hur tjänsten var. Ditt omdöme är offentligt, men ditt namn visas inte.
review-editing-note = Du har redan gett ett omdöme om den här tjänsten. Du kan ändra det i 30 dagar efter att du skrev det.
review-not-yet = Du kan ge ett omdöme när serviceproducenten har registrerat en tjänst som du har fått.
review-locked = Det har gått mer än 30 dagar sedan du skrev omdömet, så det kan inte längre ändras.
review-stars-label = Hur många stjärnor ger du?
review-stars-hint = 1 stjärna är mycket dåligt, 5 stjärnor är utmärkt.
review-stars-choose = Välj stjärnor
review-stars-1 = mycket dåligt
review-stars-2 = dåligt
review-stars-3 = okej
review-stars-4 = bra
review-stars-5 = utmärkt
review-text-label = Berätta om tjänsten med egna ord
review-text-hint = Högst 2 000 tecken. Skriv inte namn, telefonnummer, e-postadresser eller webbadresser.
review-submit = Spara omdömet
review-how-did-it-go = Hur gick det? Ge ett omdöme
my-reviews-title = Mina omdömen
my-reviews-heading = Mina omdömen
my-reviews-intro = Omdömen som du har skrivit. Andra ser dem utan ditt namn.
my-reviews-none = Du har inte skrivit några omdömen än.
review-hidden-note = En granskare har dolt det här omdömet. Andra ser det inte.
review-hidden-why = Orsak:
review-public-note = Det här omdömet är offentligt.
review-edit-link = Ändra omdömet
provider-reviews-title = Omdömen
provider-reviews-heading = Omdömen om era tjänster
provider-reviews-intro = Ni kan svara en gång på varje omdöme. Svaret visas under omdömet, och ni kan ändra det senare.
provider-reviews-all = Visa alla omdömen
provider-reviews-unanswered = Visa bara omdömen utan svar
provider-reviews-none = Inga omdömen att visa.
reply-label = Ert svar
reply-edit-label = Ändra ert svar
reply-hint = Svara artigt och nämn inte klientens namn. Inga telefonnummer, e-post- eller webbadresser.
reply-send = Skicka svaret
reply-save = Spara svaret
moderation-title = Granskning av omdömen
moderation-heading = Anmälda omdömen
moderation-intro = Omdömen om tjänster i ert utbud som någon har anmält. Dölj ett omdöme som bryter mot reglerna, eller låt det vara synligt. Skriv alltid orsaken: skribenten av ett dolt omdöme ser den.
moderation-show-hidden = Visa dolda omdömen
moderation-show-reported = Visa anmälda omdömen
moderation-none = Inga anmälda omdömen.
moderation-none-hidden = Inga dolda omdömen.
moderation-reports = Anmälningar
moderation-reason = Orsak till ditt beslut
moderation-reason-hint = Skribenten ser orsaken om du döljer omdömet.
moderation-hide = Dölj omdömet
moderation-keep = Låt det vara synligt
moderation-keep-hidden = Håll det dolt
moderation-restore = Gör det synligt igen
moderation-edited-after-hiding = Skribenten ändrade omdömet efter att det doldes och ber er titta igen.
field-error-stars = Välj 1–5 stjärnor.
field-error-text = Skriv ditt omdöme (högst 2 000 tecken).
error-review-has-link = Ett omdöme får inte innehålla länkar eller webbadresser. Ta bort dem och försök igen.
error-review-has-email = Ett omdöme får inte innehålla e-postadresser. Ta bort dem och försök igen.
error-review-has-phone = Ett omdöme får inte innehålla telefonnummer. Ta bort dem och försök igen.
error-review-has-personal-id = Ett omdöme får inte innehålla personbeteckningar. Ta bort dem och försök igen.
error-review-exists = Du har redan gett ett omdöme om den här tjänsten. Du kan ändra det i stället.
error-too-many-reviews = Du kan skriva högst 5 omdömen per dag. Försök igen i morgon.
error-no-recorded-delivery = Du kan ge ett omdöme när serviceproducenten har registrerat en tjänst som du har fått.
error-edit-window-closed = Ett omdöme kan ändras i 30 dagar efter att det skrevs.
error-already-replied = Ni har redan svarat. Ni kan ändra ert svar.
error-no-reply = Det finns inget svar att ändra än.
error-review-hidden = Omdömet är dolt, så det går inte att svara på.
error-already-hidden = Omdömet är redan dolt.
error-not-hidden = Omdömet är inte dolt.
error-nothing-to-keep = Det här omdömet har inga obehandlade anmälningar.

## Billing details
field-iban = Kontonummer (IBAN)
field-iban-hint = Fakturorna betalas till detta konto, till exempel FI21 1234 5600 0007 85.
field-bic = Bankens BIC-kod
field-bic-hint = Till exempel NDEAFIHH. Fråga din bank om du är osäker.
field-vat-rate = Mervärdesskatt (%)
field-vat-rate-hint = Socialvårdstjänster är momsfria: lämna tomt. För andra tjänster, skriv den gällande skattesatsen, till exempel 25,5.
col-vat = Moms
field-error-iban = Kontrollera kontonumret. Det ska vara ett giltigt IBAN, till exempel FI21 1234 5600 0007 85.
field-error-bic = Kontrollera BIC-koden. Den har 8 eller 11 bokstäver och siffror, till exempel NDEAFIHH.
field-error-vat-rate = Skriv momsen i procent, till exempel 25,5. Lämna tomt för socialvård.

## Monthly statements and late recording (issue #6)
nav-statement = Månadsutdrag
nav-recording = Sena registreringar
print = Skriv ut
statement-link = Månadsutdrag
statement-title = Månadsutdrag
statement-heading = { $kind }: utdrag för { $month }
statement-choose-month = Välj månad
statement-month-hint = Till exempel 2026-11 (år och månad).
statement-show = Visa
statement-opening = Pengar i början av månaden
statement-movements = Vad hände under månaden
statement-no-movements = Inget hände med dina pengar den här månaden.
statement-closing = Pengar i slutet av månaden
statement-closing-now = Pengar nu
statement-own-shares = Din självriskandel
statement-own-shares-explained = Du betalar självriskandelen själv till serviceproducenten. Den tas inte från dina pengar.
statement-no-own-shares = Du har ingen självriskandel den här månaden.
statement-own-shares-total = Självriskandel sammanlagt
statement-reason-voided = serviceproducenten annullerade tjänsten
statement-reason-dispute-upheld = ditt klagomål godkändes
statement-service-on = { $title }, tjänst { $date }
statement-not-invoiced = Inte fakturerad ännu
statement-invoice-number = Faktura { $number }
statement-invoiced-and-credited = Faktura { $number }, kreditnota { $n }
provider-statement-title = Månadsutdrag
provider-statement-heading = Månadsutdrag
provider-statement-summary = Sammanfattning
provider-statement-recorded = Registrerade tjänster
provider-statement-client-shares = Klienternas självriskandel
provider-statement-invoiced = Fakturerat
provider-statement-not-invoiced = Inte fakturerat ännu
provider-statement-deliveries = { $count ->
    [one] 1 tjänst
   *[other] { $count } tjänster
}
provider-statement-recorded-total = Registrerade tjänster sammanlagt
provider-statement-invoices = Fakturor och kreditnotor
provider-statement-no-invoices = Inga fakturor för den här månaden ännu.
invoice-kind-invoice = Faktura
invoice-kind-supplementary = Tilläggsfaktura
invoice-kind-credit-note = Kreditnota
col-invoice = Faktura
col-number = Nummer
col-kind = Typ
col-issued = Datum
col-due = Förfallodag
col-files = Filer
recording-title = Sena registreringar
recording-heading = Registrera tjänster i tid
recording-rule = { $count ->
    [one] Serviceproducenten ska registrera en tjänst inom 1 dag från tjänstens datum.
   *[other] Serviceproducenten ska registrera en tjänst inom { $count } dagar från tjänstens datum.
}
field-recording-days = Dagar för att registrera en tjänst
field-recording-days-hint = Ett heltal från 1 till 90.
field-error-recording-days = Skriv antalet dagar som ett heltal från 1 till 90.
notice-recording-days-saved = Antalet dagar sparades.
recording-overdue-heading = Serviceproducenter som är sena
recording-overdue-explained = { $count ->
    [one] Beställningar utan registrerad tjänst under det senaste dygnet, och tjänster som registrerats mer än 1 dag efter tjänstens datum under de senaste 90 dagarna.
   *[other] Beställningar utan registrerad tjänst under de senaste { $count } dagarna, och tjänster som registrerats mer än { $count } dagar efter tjänstens datum under de senaste 90 dagarna.
}
recording-none = Ingen serviceproducent är sen.
col-provider = Serviceproducent
col-silent-commitments = Beställningar utan registreringar
col-silent-since = Inga registreringar sedan
col-late-deliveries = Sent registrerade tjänster
col-oldest-case = Äldsta sena tjänst
recording-oldest-case = { $date }, { $count ->
    [one] 1 dag sen
   *[other] { $count } dagar sen
}

## Fakturering och ekonomi
nav-settlement = Fakturering
nav-finance = Ekonomi och rapporter
settlement-title = Fakturering
settlement-heading = Fakturering av serviceproducenterna
settlement-intro = Varje månad blir tjänsterna till era klienter en faktura per serviceproducent. Ingenting faktureras två gånger. Tjänster som registreras senare kommer på en tilläggsfaktura.
settlement-waiting-heading = Väntar på fakturering
settlement-waiting-none = Ingenting väntar för den här månaden.
settlement-waiting-caption = Ofakturerade tjänster per serviceproducent
settlement-ready = Klar att faktureras
settlement-to-credit = Annullerad efter faktureringen: kommer på en kreditnota
settlement-missing-bank-details = Kan inte faktureras: serviceproducenten har inte gett sina bankuppgifter
settlement-bank-changed = Kontouppgifterna ändrades { $date } — kontrollera före betalning
settlement-invoices-heading = Fakturor för den här månaden
settlement-invoices-none = Inga fakturor ännu för den här månaden.
settlement-invoices-caption = Fakturor och kreditnotor
settlement-month-csv = Alla fakturarader för månaden (CSV för bokföringen)
notice-settled = Fakturorna har gjorts.
col-deliveries = Givna tjänster
col-amount = Belopp
col-due-date = Förfallodag
col-month = Månad
col-service = Tjänst
col-commitments = Beställningar
col-reserved = Reserverat
total-row = Totalt
finance-title = Ekonomi och rapporter
finance-heading = Ekonomi och rapporter
books-heading = Stämmer bokföringen?
books-ok = Allt stämmer. { $count } beslut och { $n } fakturor kontrollerades.
books-bad = Något stämmer inte. { $count } beslut och { $n } fakturor kontrollerades. Kontakta systemadministratören.
books-explained = Varje saldo ska vara lika med summan av dess bokningar, och varje tjänst får faktureras bara en gång.
books-problem-balance = Saldot för beslut { $name } är inte lika med dess bokningar.
books-problem-twice = Tjänst { $name } finns på fler än en faktura.
books-problem-mark = Tjänst { $name } är märkt fakturerad, men fakturaraden stämmer inte.
books-problem-total = Summan för faktura { $name } är inte summan av dess rader.
spend-heading = Utgifter
spend-show = Visa
spend-by-month = Utgifter per månad
spend-by-service = Utgifter per tjänst
spend-by-provider = Utgifter per serviceproducent
field-from-month = Från månad
field-to-month = Till månad
reservations-heading = Pengar reserverade för beställningar
reservations-none = Inga pengar är reserverade just nu.
reservations-caption = Reserverade pengar per serviceproducent och tjänst

## API keys and uploading deliveries (#6)
nav-upload = Importera prestationer från fil
nav-api-keys = API-nycklar
api-keys-title = API-nycklar
api-keys-heading = API-nycklar
api-keys-intro = Med en API-nyckel kan ditt verksamhetsställe eller affärssystem registrera utförda tjänster direkt i Valinta. Nyckeln fungerar bara för att registrera och se utförda tjänster. Skapa en egen nyckel för varje verksamhetsställe.
api-keys-create-heading = Skapa en ny nyckel
api-keys-create = Skapa nyckel
api-keys-list-heading = Nycklar
api-keys-none = Du har inga nycklar ännu.
api-keys-never-used = Inte använd ännu
api-key-created = Ny nyckel för { $name }
api-key-copy-now = Kopiera nyckeln nu. Vi visar den bara den här gången. Om nyckeln försvinner, skapa en ny och ta den gamla ur bruk.
api-key-label = Nyckel
api-key-how = Systemet skickar nyckeln i rubriken på varje anrop: Authorization: Bearer och nyckeln.
api-key-active = I bruk
api-key-revoked-at = Tagen ur bruk { $date }
api-key-revoke = Ta ur bruk
api-key-revoke-title = Ta nyckeln ur bruk
api-key-revoke-heading = Ska nyckeln tas ur bruk?
api-key-revoke-warning = Nyckeln slutar fungera genast. Ett system som använder den kan inte längre registrera tjänster. Det här går inte att ångra.
api-key-revoke-confirm = Ta nyckeln ur bruk
api-key-keep = Ta inte ur bruk
back-to-api-keys = Tillbaka till nycklarna
notice-api-key-revoked = Nyckeln har tagits ur bruk.
col-key-prefix = Nyckelns början
col-created = Skapad
col-created-by = Skapad av
col-last-used = Senast använd
field-site = Verksamhetsställe eller system
field-site-hint = Till exempel "Berghälls kontor" eller "affärssystem". Med det här känner du igen nyckeln.
field-error-site = Skriv namnet på verksamhetsstället eller systemet (högst 100 tecken).
upload-title = Importera prestationer från fil
upload-heading = Importera utförda tjänster från en fil
upload-intro = Du kan registrera många utförda tjänster på en gång med en CSV-fil. Spara tabellen i CSV-format. Varje rad har förbindelsens nummer, datum, mängd, enhetspris och din egen referens. Vi kontrollerar varje rad innan något registreras.
upload-template-link = Ladda ner en mallfil (CSV)
upload-submit = Importera filen
upload-report-heading = Resultat av importen
upload-report-caption = Filens rader
upload-outcome-recorded = { $count } rader registrerades, sammanlagt { $value }.
upload-outcome-nothing = Ingenting registrerades, eftersom { $count } rader avvisades. Rätta raderna och importera filen igen.
upload-rows-hidden = { $count ->
    [one] Dessutom registrerades 1 rad eller var redan registrerad.
   *[other] Dessutom registrerades { $count } rader eller var redan registrerade.
}
upload-status-accepted = Registrerad
upload-status-valid = I ordning, inte registrerad
upload-status-duplicate = Var redan registrerad
upload-status-refused = Avvisad
upload-row-column = Kolumn { $name }: { $value }
upload-row-not-found = Förbindelsen finns inte, eller den är inte er.
upload-row-duplicate-in-file = Samma referens finns två gånger i filen.
upload-row-invalid-field = Värdet duger inte.
upload-row-overdraw = Klientens pengar räcker inte till det här.
upload-row-wrong-status = Förbindelsen är inte i kraft.
upload-row-idempotency-conflict = Andra uppgifter har redan registrerats med den här referensen.
upload-open-heading = Förbindelser i kraft
upload-open-intro = Skriv förbindelsens nummer från den här tabellen i filen.
upload-open-none = Du har inga förbindelser i kraft.
col-line = Rad
col-result = Resultat
col-why = Orsak
col-commitment-number = Förbindelsens nummer
field-file = CSV-fil
field-file-hint = Kolumner: commitment, date, quantity, unit_price, reference. Semikolon eller komma som avgränsare. Decimalkomma går bra.
field-all-or-nothing = Registrera bara om alla rader är i ordning
field-all-or-nothing-hint = Om en enda rad avvisas registreras ingenting.
field-error-file = Välj en CSV-fil med en rubrikrad och utförda tjänster.
error-missing-columns = Filen saknar kolumner. Den första raden måste ha kolumnerna commitment, date, quantity, unit_price och reference.
error-duplicate-column = Filen har samma kolumn två gånger.
error-empty-file = Filen är tom eller har bara en rubrikrad.
error-not-csv = Filen är inte en CSV-fil. Spara tabellen i CSV-format.
error-bad-encoding = Filens teckenkodning kändes inte igen. Spara den i CSV-format (UTF-8).
error-too-many-rows = Filen har för många rader. Dela den i mindre filer.
error-no-file = Välj först en fil.

## Emails: notification choices and the outbox
nav-notifications = Mina e-postmeddelanden
nav-emails = Utgående e-post
notifications-title = Vilka e-postmeddelanden jag får
notifications-heading = Vilka e-postmeddelanden vill du få
notifications-intro = Välj vad du vill få e-post om. Du kan ändra dina val när som helst.
notifications-always-heading = Dessa meddelanden kommer alltid
notifications-always = Du får alltid meddelanden om beslut, pengar och fakturor, tvister och sådant som väntar på att du gör något. De kan inte stängas av, eftersom de gäller dina rättigheter eller pengar.
notice-notifications-saved = Valen har sparats.
choice-each = Ett meddelande för varje
choice-on = Ja
choice-weekly = En gång i veckan som sammandrag
choice-off = Nej
topic-deliveries = Registrerade tjänster
topic-deliveries-hint = Ett meddelande när serviceproducenten registrerar en tjänst och saldot ändras.
topic-commitments = Beställningar av tjänster
topic-commitments-hint = Ett meddelande när en beställning godkänns, avslås eller avslutas.
topic-reminders = Påminnelser
topic-reminders-hint = En påminnelse när saldot är lågt, ett beslut snart upphör eller registreringar saknas.
topic-reviews = Anmälda omdömen
topic-reviews-hint = Ett meddelande till moderatorn när någon anmäler ett omdöme.
emails-title = Utgående e-post
emails-heading = Utgående e-post
emails-intro = Här finns meddelanden som väntar och som har skickats. Ett meddelande som misslyckats kan skickas på nytt.
emails-filter = Visa meddelanden
emails-all = Alla
email-status-pending = Väntar
email-status-sending = Skickas
email-status-sent = Skickat
email-status-failed = Misslyckades
emails-none = Inga meddelanden.
col-to = Mottagare
col-attempts = Försök
col-error = Fel
email-retry = Skicka på nytt
notice-email-retried = Meddelandet skickas på nytt.
outbox-heading = Utvecklingens brevlåda
outbox-intro = Ingen SMTP-server är inställd, så meddelandena sparas i mappen { $folder }.
outbox-empty = Mappen har inga meddelanden ännu.
outbox-back = Tillbaka till utgående e-post
outbox-pager-label = Sidor i brevlådans mapp

## Accounts and passwords
nav-users = Användarkonton
nav-password = Byt lösenord
forgot-link = Har du glömt lösenordet?
forgot-title = Glömt lösenord
forgot-intro = Skriv din e-postadress. Om adressen har ett användarkonto skickar vi en länk dit, så att du kan välja ett nytt lösenord. Länken fungerar i 30 minuter.
forgot-submit = Skicka länken
notice-reset-sent = Om adressen har ett användarkonto har vi skickat en länk dit. Titta i din e-post.
set-password-title = Välj lösenord
set-password-intro = Välj ett lösenord. Sedan kan du logga in med din e-postadress och det här lösenordet.
set-password-submit = Spara lösenordet
notice-password-set = Lösenordet har sparats. Du kan nu logga in.
change-password-title = Byt lösenord
change-password-intro = När du byter lösenord loggas du ut på alla andra enheter.
change-password-submit = Byt lösenord
notice-password-changed = Lösenordet har bytts. Andra enheter har loggats ut.
field-new-password = Nytt lösenord
field-current-password = Nuvarande lösenord
field-error-new-password = Lösenordet måste ha minst 10 tecken.
field-error-current-password = Det nuvarande lösenordet är fel.
error-invalid-token = Länken har redan använts eller gått ut. Be om en ny länk på sidan "Har du glömt lösenordet?".
error-too-many = För många försök. Vänta en stund och försök sedan igen.
error-own-account = Du kan inte stänga ditt eget användarkonto.
users-title = Användarkonton
users-search = Sök med namn eller e-post
users-count = { $count ->
    [one] { $count } användarkonto
   *[other] { $count } användarkonton
}
col-roles = Roller
user-active = I bruk
user-inactive = Stängt
user-deactivate = Stäng kontot
user-reactivate = Öppna kontot
notice-user-deactivated = Användarkontot har stängts. Personen har loggats ut.
notice-user-reactivated = Användarkontot har öppnats.
role-admin = administratör
role-catalogue-manager = ansvarig för tjänsteutbudet
role-case-worker = socialarbetare
role-finance = ekonomi
role-moderator = granskare av omdömen
role-provider-staff = serviceproducent
role-client = klient
role-proxy = ombud

## The catalogue over time and the income-related voucher value
catalogue-archived = Arkiverad { $date }
catalogue-open-entry = öppna tjänstens sida
back-to-catalogue = Tillbaka till tjänsteutbudet
back-to-service = Tillbaka till tjänsten
service-title = Tjänst
service-archived-on = Arkiverad { $date }. Tjänsten kan inte längre beställas, och inga nya tjänster kan läggas till för den. Pågående beställningar fortsätter.
service-history-heading = Priser och villkor över tid
service-history-intro = Varje rad visar vilka villkor om pengar som gällde vilka dagar. En tjänst betalas alltid med villkoren för den dag den gavs.
col-valid-from = Från
col-valid-to = Till
col-changed = Ändrades
terms-in-force = gäller nu
terms-first = de första villkoren
terms-coming = kommande
income-rule-heading = Inkomstbundet värde på sedeln
income-rule-summary = högst { $max }, minst { $min }; { $percent } % av inkomsterna över inkomstgränsen delat på { $units } enheter i månaden; inkomstgränser { $limits }
service-edit-heading = Ändra tjänsten
service-edit-intro = Namnet och regelboken ändras genast. Villkor om pengar ändras från den dag du väljer: tjänster som gavs före den dagen betalas med de gamla villkoren.
service-save = Spara ändringarna
service-archive-heading = Arkivera tjänsten
service-archive-explain = En arkiverad tjänst kan inte längre beställas eller beviljas, och inga nya tjänster kan läggas till för den. Tjänsten försvinner ur sökningen. Pågående beställningar fortsätter, och tjänster kan registreras på dem.
service-archive-button = Arkivera tjänsten…
service-archive-title = Arkivera tjänsten
service-archive-confirm-heading = Vill du verkligen arkivera tjänsten?
service-archive-confirm = Ja, arkivera tjänsten
service-archive-keep = Arkivera inte
field-reference-price = Referenspris
field-terms-valid-from = Villkoren om pengar gäller från
field-terms-valid-from-hint = I dag eller senare. Gäller sedelns värde, högsta priset, referenspriset, mervärdesskatten, betalningssätten och det inkomstbundna värdet.
field-income-rule-hint = Fyll i dessa fem fält bara om sedelns värde beror på klientens inkomster. Lämna dem annars tomma.
field-income-max = Inkomstbundet värde: högsta värde (€)
field-income-min = Inkomstbundet värde: lägsta värde (€)
field-income-percent = Av inkomsterna över gränsen räknas (%)
field-income-units = Enheter i månaden
field-income-limits = Inkomstgränser i månaden efter hushållets storlek (€)
field-income-limits-hint = En gräns per rad: först hushåll med en person, sedan två personer och så vidare. Den sista gränsen gäller också större hushåll.
field-household-size = Hushållets storlek (personer)
field-monthly-income = Hushållets inkomster i månaden (€)
field-income-instead-hint = Om tjänstens värde på sedeln beror på inkomsterna, fyll i dessa två i stället för sedelns värde. Värdet räknas med regeln för beslutets första dag.
voucher-value-income-related = beror på inkomsterna
voucher-basis-heading = Så räknades värdet på din sedel
notice-service-changed = Ändringarna har sparats.
notice-service-unchanged = Ingenting ändrades.
notice-service-archived = Tjänsten har arkiverats.
error-service-archived = Tjänsten är arkiverad. Den kan inte längre beställas eller ändras.
error-no-income-rule = Värdet på sedeln för den här tjänsten beror inte på inkomsterna.
field-error-reference-price = Skriv referenspriset i euro, till exempel 38,50.
field-error-income-max = Skriv det högsta värdet i euro. Om sedelns värde inte beror på inkomsterna, lämna alla fem fält tomma.
field-error-income-min = Skriv det lägsta värdet i euro. Det kan inte vara större än det högsta värdet.
field-error-income-percent = Skriv en procent mellan 0 och 100.
field-error-income-units = Skriv antalet enheter i månaden. Det ska vara mer än 0.
field-error-income-limits = Skriv minst en inkomstgräns i euro, en per rad.
field-error-household-size = Skriv hushållets storlek som ett tal, till exempel 2. Fyll i antingen hushållets storlek och inkomster eller sedelns värde.
field-error-monthly-income = Skriv inkomsterna i euro, till exempel 2400,00. Fyll i antingen hushållets storlek och inkomster eller sedelns värde.
field-error-body = Du ändrade ingenting.
# Issue 15.7: invoices an operator accepts
cancel = Avbryt
col-net = Utan moms
col-gross = Med moms
field-einvoice-address = E-fakturaadress
field-einvoice-address-hint = OVT-kod, till exempel 003712345671, eller en adress i IBAN-form. Lämna tomt om ni inte har någon.
field-einvoice-operator = Förmedlarkod
field-einvoice-operator-hint = E-fakturaoperatörens kod, till exempel 003721291126 eller NDEAFIHH.
field-error-einvoice-address = Kontrollera e-fakturaadressen: OVT-kod (0037 och FO-numrets siffror) eller IBAN.
field-error-einvoice-operator = Kontrollera förmedlarkoden: 2–35 bokstäver och siffror, till exempel 003721291126.
error-preview-changed = Tjänsterna att fakturera ändrades efter förhandsgranskningen. Kontrollera de nya siffrorna och bekräfta igen.
einvoice-heading = Vår e-fakturaadress
einvoice-intro-purchaser = När både ni och serviceproducenten har angett e-fakturaadress och förmedlarkod innehåller Finvoice-fakturan färdiga dirigeringsuppgifter för operatören.
settlement-check = Kontrollera fakturorna innan de görs ({ $month })
settlement-preview-title = Förhandsgranskning av faktureringen
settlement-preview-heading = Kontrollera före faktureringen
settlement-preview-intro = De här fakturorna och kreditnotorna görs när du bekräftar. Ingenting har fakturerats ännu.
settlement-preview-invoices = Fakturor
settlement-preview-credit-notes = Kreditnotor
settlement-preview-waiting = Fortsätter vänta
settlement-preview-caption = Fakturor som görs, per serviceproducent
settlement-preview-supplementary = Klar: kommer på en tilläggsfaktura
settlement-confirm = Bekräfta och gör { $count ->
    [one] 1 faktura
   *[other] { $count } fakturor
} och { $n ->
    [one] 1 kreditnota
   *[other] { $n } kreditnotor
}
settlement-back = Tillbaka till faktureringen
invoice-open = (öppna fakturan)
invoice-finvoice-link = Finvoice-e-faktura (XML)
invoice-csv-link = Fakturarader (CSV)
invoice-back = Tillbaka
invoice-credit-note-intro = En kreditnota betalar tillbaka beloppen för annullerade eller bestridda tjänster. Beloppen är negativa.
invoice-supplementary-intro = Tilläggsfaktura: tjänster som registrerades efter månadens första faktura.
invoice-seller = Säljare
invoice-buyer = Beställare
invoice-reference = Referensnummer
invoice-to-pay = Att betala
invoice-rows = Fakturarader
invoice-rows-explained = På varje rad: antal × enhetspris = pris totalt. Därifrån dras klientens självriskandel; resten är beställarens andel, som beställaren betalar. Beställarens andel = utan moms + moms.
invoice-rows-caption = Fakturans rader, faktura
invoice-unit-price = Enhetspris (inkl. moms)
invoice-vat-rate = Moms-%
invoice-vat-excluded-short = utan moms
invoice-sum = Totalt
invoice-totals = Sammandrag
invoice-vat-caption = Moms per skattesats
invoice-original = Krediterar faktura { $number } ({ $date })
