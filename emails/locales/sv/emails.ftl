# Valintas e-postmeddelanden på svenska (finlandssvenska). Lättläst: korta meningar, vanliga ord.
#
# Nycklar (samma på alla språk; testet kräver att fi, sv och en har samma nycklar):
#   <kind>-subject      rubrik (kind = Notification-typens namn i snake_case)
#   <kind>-p1, -p2 …    stycken i ordning, en nyckel per stycke; koden väljer vilka som visas
#   <kind>-action       texten på knappen; länken kommer från koden
#   fact-<namn>         rubriken för en rad i faktatabellen ("Datum: 5.10.2026")
# Variablerna är färdigt formaterade: belopp, datum och namn. Tal ($count, $days,
# $commitments, $percent) är siffror som Fluent väljer pluralform efter.

## Gemensamt
greeting = Hej { $name },
greeting-anonymous = Hej,
on-behalf-subject = { $subject } (klient { $name })
on-behalf = Det här meddelandet gäller ärenden för klienten { $name }. Du får det eftersom du sköter hens ärenden.
link-fallback = Om knappen inte fungerar, kopiera den här adressen till webbläsaren:
footer-sent = Det här meddelandet skickades av Valinta.
footer-optional = Du kan själv välja vilka meddelanden du får.
footer-settings = Inställningar för meddelanden
footer-mandatory = Det här meddelandet skickas alltid, eftersom det gäller ett beslut eller pengar.

## Rubriker i faktatabellen
fact-offering = Tjänst
fact-provider = Serviceproducent
fact-purchaser = Beställare
fact-client = Klient
fact-date = Datum
fact-quantity = Mängd
fact-total = Pris totalt
fact-purchaser-share = Betalt med dina pengar
fact-client-share = Egen andel
fact-amount = Belopp
fact-method = Betalningssätt
fact-reserve = Reserverade pengar
fact-kind = Beslut
fact-granted = Beviljat
fact-valid = Giltigt
fact-reason = Orsak
fact-report-reason = Orsak till anmälan
fact-number = Fakturanummer
fact-month = Månad
fact-due = Förfallodag
fact-stars = Stjärnor
fact-written = Skriven
fact-note = Motivering
fact-changed-by = Ändrad av
fact-iban-before = Konto före
fact-iban-after = Konto nu
fact-bic-before = BIC före
fact-bic-after = BIC nu

## Betalningssätt, finansiering och enheter
method-voucher = Servicesedel
method-payment_commitment = Betalningsförbindelse
method-direct_invoice = Direktfakturering
funding-voucher = Servicesedel
funding-personal_budget = Personlig budget
unit-hour = { $n } { $plural ->
    [one] timme
   *[other] timmar
}
unit-day = { $n } { $plural ->
    [one] dag
   *[other] dagar
}
unit-visit = { $n } besök
unit-trip = { $n } { $plural ->
    [one] resa
   *[other] resor
}
unit-month = { $n } { $plural ->
    [one] månad
   *[other] månader
}
unit-session = { $n } { $plural ->
    [one] gång
   *[other] gånger
}
unit-piece = { $n } st.

## Till serviceproducenten
application_received-subject = Din ansökan har tagits emot
application_received-p1 = { $purchaser } har tagit emot din ansökan. Ansökan gäller de här tjänsterna:
application_received-p2 = Du får ett meddelande när ansökan har behandlats. Du behöver inte göra något nu.
application_received-action = Visa ansökan

application_approved-subject = Din ansökan har godkänts
application_approved-p1 = { $purchaser } har godkänt din ansökan. Nu kan du erbjuda de här tjänsterna:
application_approved-p2 = Kontrollera att uppgifterna och priserna för dina tjänster stämmer. Klienterna ser dem i sökningen.
application_approved-action = Visa ansökan

application_rejected-subject = Din ansökan godkändes inte
application_rejected-p1 = { $purchaser } godkände inte din ansökan. Ansökan gällde de här tjänsterna:
application_rejected-p2 = Du kan rätta till saken och ansöka på nytt. Om du har frågor, kontakta beställaren.
application_rejected-action = Visa ansökan

commitment_requested-subject = En ny beställning väntar på ditt svar
commitment_requested-p1 = Klienten { $client } vill använda tjänsten { $offering }. Godkänn eller avböj beställningen.
commitment_requested-p2 = Klienten väntar på ditt svar. Svara så snart du kan.
commitment_requested-action = Svara på beställningen

commitment_closed-subject = En beställning har avslutats
commitment_closed-p1 = Beställningen för klienten { $client } har avslutats. Tjänst: { $offering }.
commitment_closed-p2 = Registrera inte längre nya tjänster på den här beställningen. Tjänster som redan är registrerade faktureras som vanligt.
commitment_closed-action = Visa beställningen

dispute_opened-subject = En klient har gjort en reklamation
dispute_opened-p1 = Klienten { $client } har gjort en reklamation om tjänsten { $offering }. Klienten anser att registreringen är fel.
dispute_opened-p2 = En anställd hos beställaren behandlar reklamationen. Om reklamationen godkänns går beloppet tillbaka till klienten, och det betalas inte till dig.
dispute_opened-action = Visa reklamationen

review_reply_reminder-subject = En recension väntar på ditt svar
review_reply_reminder-p1 = En klient har skrivit en recension av tjänsten { $offering }. Du har inte svarat på den ännu.
review_reply_reminder-p2 = Ditt svar syns för alla under recensionen. Du kan svara en gång.
review_reply_reminder-action = Svara på recensionen

deliveries_overdue-subject = Kom ihåg att registrera utförda tjänster
deliveries_overdue-p1 = { $commitments ->
    [one] En beställning
   *[other] { $commitments } beställningar
} har inte fått några utförda tjänster registrerade på { $days ->
    [one] 1 dag
   *[other] { $days } dagar
}.
deliveries_overdue-p2 = Registrera tjänsterna i tid. Då stämmer klientens saldo, och du får dina pengar i tid.
deliveries_overdue-action = Registrera tjänster

invoice_ready-subject = Faktura { $number } är klar
invoice_ready-p1 = Valinta har gjort en faktura till { $purchaser } för de tjänster som du har registrerat.
invoice_ready-p2 = Beställaren betalar fakturan senast på förfallodagen. Du kan ladda ner fakturan som fil.
invoice_ready-subject-credit = Kreditnota { $number } är klar
invoice_ready-p1-credit = Valinta har gjort en kreditnota till { $purchaser }. Kreditnotan minskar det belopp som beställaren betalar dig.
invoice_ready-p2-credit = Du kan ladda ner kreditnotan som fil.
invoice_ready-action = Visa fakturan

bank_details_changed-subject = Kontouppgifterna för { $provider } har ändrats
bank_details_changed-p1 = Bankkontouppgifterna för { $provider } har ändrats i Valinta. Kommande betalningar går till det nya kontot.
bank_details_changed-p2 = Om ingen av er gjorde ändringen, rätta kontouppgifterna genast och kontakta köparens ekonomiförvaltning före nästa betalning.
bank_details_changed-none = (inget tidigare)
bank_details_changed-action = Kontrollera kontouppgifterna

## Till klienten eller den som sköter klientens ärenden
allocation_granted-subject = { $kind ->
    [voucher] En servicesedel har beviljats
   *[personal_budget] En personlig budget har beviljats
}
allocation_granted-p1 = { $purchaser } har fattat ett beslut. Det beviljade beloppet är { $granted }.
allocation_granted-p2 = Nu kan du välja en tjänst och en serviceproducent. Pengarna kan användas till och med { $to }.
allocation_granted-action = Visa beslutet

commitment_accepted-subject = Beställningen har godkänts
commitment_accepted-p1 = { $provider } har godkänt beställningen. Tjänst: { $offering }.
commitment_accepted-p2 = Nu kan tjänsten börja. Serviceproducenten registrerar varje gång. Du ser dem på sidan Mina pengar.
commitment_accepted-action = Visa beställningen

commitment_declined-subject = Beställningen godkändes inte
commitment_declined-p1 = { $provider } kan inte ta emot beställningen. Tjänst: { $offering }.
commitment_declined-p2 = Inga pengar användes. Om pengar var reserverade kan de användas igen. Du kan välja en annan serviceproducent.
commitment_declined-action = Visa beställningen

delivery_recorded-subject = En tjänst har registrerats: { $offering }
delivery_recorded-p1 = { $provider } har registrerat en utförd tjänst.
delivery_recorded-p2 = Den egna andelen betalar du själv till serviceproducenten. Den tas inte från dina pengar.
delivery_recorded-p3 = Nu finns det { $available } som kan användas.
delivery_recorded-p4 = Kontrollera uppgifterna. Om något är fel, gör en reklamation senast { $until }.
delivery_recorded-action = Kontrollera uppgifterna

delivery_digest-subject = Registrerade tjänster { $from }–{ $to }
delivery_digest-p1 = { $count ->
    [0] Under tiden { $from }–{ $to } registrerades inga tjänster.
    [one] Under tiden { $from }–{ $to } registrerades 1 tjänst:
   *[other] Under tiden { $from }–{ $to } registrerades { $count } tjänster:
}
delivery_digest-line = { $date }: { $offering }, { $provider }, { $quantity }, { $total }
delivery_digest-line-share = { $date }: { $offering }, { $provider }, { $quantity }, { $total } (egen andel { $share })
delivery_digest-p2 = Nu finns det { $available } som kan användas.
delivery_digest-p3 = Kontrollera uppgifterna. Om något är fel kan du göra en reklamation inom 14 dagar från den dag tjänsten gavs.
delivery_digest-action = Kontrollera uppgifterna

balance_low-subject = Det finns lite pengar kvar
balance_low-p1 = Det finns bara { $available } kvar som kan användas. Det är { $percent } % av det beviljade beloppet { $granted }.
balance_low-p2 = Om du behöver mer pengar för tjänster, kontakta din kontaktperson.
balance_low-action = Visa saldot

allocation_ending-subject = Beslutet upphör { $date }
allocation_ending-p1 = Beslutet gäller till och med { $date }. Det är { $days ->
    [one] 1 dag
   *[other] { $days } dagar
} kvar.
allocation_ending-p2 = Det finns ännu { $available } som kan användas. Pengar som inte har använts flyttas inte över till nästa beslut.
allocation_ending-p3 = Om du behöver tjänsten också senare, kontakta din kontaktperson.
allocation_ending-action = Visa saldot

dispute_decided-subject-upheld = Reklamationen har godkänts
dispute_decided-p1-upheld = Reklamationen om tjänsten { $offering } har godkänts. { $amount } har gått tillbaka till dina pengar.
dispute_decided-p2-upheld = Du behöver inte göra något.
dispute_decided-subject-rejected = Reklamationen godkändes inte
dispute_decided-p1-rejected = Reklamationen om tjänsten { $offering } har behandlats. Den godkändes inte. Pengarna ({ $amount }) betalades inte tillbaka.
dispute_decided-p2-rejected = Om du inte håller med, kontakta din kontaktperson.
dispute_decided-action = Visa tjänsten

## Till beställarens personal
provider_application-subject = Ny ansökan: { $provider }
provider_application-p1 = { $provider } ansöker om godkännande för de här tjänsterna:
provider_application-p2 = Kontrollera ansökan och fatta ett beslut.
provider_application-action = Behandla ansökan

dispute_to_handle-subject = En ny reklamation att behandla
dispute_to_handle-p1 = En klient har gjort en reklamation om en tjänst som { $provider } har registrerat.
dispute_to_handle-p2 = Kontrollera saken och fatta ett beslut. Klienten och serviceproducenten får veta beslutet.
dispute_to_handle-action = Behandla reklamationen

review_reported-subject = En recension har anmälts för granskning
review_reported-p1 = En recension av tjänsten { $offering } har anmälts.
review_reported-p2 = Kontrollera recensionen. Du kan dölja den om den bryter mot reglerna.
review_reported-action = Granska recensionen

## Eget användarkonto
account_link-subject-set_password = Välj ett lösenord till Valinta
account_link-p1-set_password = Ett användarkonto har skapats åt dig i Valinta. Välj ett lösenord via länken nedan.
account_link-subject-reset_password = Nytt lösenord till Valinta
account_link-p1-reset_password = Någon bad om ett nytt lösenord för den här e-postadressen. Om det var du, välj ett nytt lösenord via länken nedan.
account_link-p2 = Länken fungerar bara en gång och bara i { $minutes } minuter.
account_link-p3 = Om du inte bad om det här behöver du inte göra något.
account_link-action = Välj lösenord
mandate_granted-subject = Du kan nu sköta ärenden för { $client }
mandate_granted-p1 = Du har antecknats i Valinta som den som sköter ärenden för { $client }. Du kan nu se hens pengar och välja tjänster åt hen.
mandate_granted-p2 = Om det här är fel, kontakta hens kontaktperson.
mandate_granted-action = Öppna Valinta
mandate_ended-subject = Du sköter inte längre ärenden för { $client }
mandate_ended-p1 = Din rätt att sköta ärenden för { $client } i Valinta har upphört.
mandate_ended-p2 = Om det här är fel, kontakta hens kontaktperson.
mandate_ended-action = Öppna Valinta
fact-relation = Relation
fact-valid-until = Giltig till

dispute_decided-subject-partly = Reklamationen har delvis godkänts
dispute_decided-p1-partly = Reklamationen om tjänsten { $offering } har behandlats. Den registrerade mängden var { $recorded }, men den verkliga mängden var { $found }. Skillnaden { $returned } har gått tillbaka till dina pengar.
dispute_decided-p2-partly = Om du inte håller med, kontakta din kontaktperson.

price_changed-subject = Priset ändras: { $offering }
price_changed-p1 = { $provider } ändrar priset för tjänsten { $offering } från och med { $date }. Det nya priset är { $price }.
price_changed-p2 = Servicesedeln betalar högst sedelns värde. Om priset stiger kan din egen andel bli större. Du kan fortsätta med tjänsten eller välja en annan producent. Fråga din kontaktperson vid behov.
price_changed-action = Visa tjänsten

allocation_expired-subject = Pengarna i beslutet har gått ut
allocation_expired-p1 = Beslutet gällde till och med { $date }. { $expired } blev oanvänt. Det kan inte längre användas.
allocation_expired-p2 = Om du fortfarande behöver tjänsten, kontakta din kontaktperson.
allocation_expired-action = Visa dina pengar

fact-price-before = Pris före
fact-price-after = Nytt pris
fact-valid-from = Från och med

## Planer för personlig budget
fact-decision-number = Beslutets nummer
plan_decided-subject = Ett beslut har fattats om din plan
plan_decided-p1 = Du har beviljats en personlig budget: { $granted }.
plan_decided-p2 = I beslutet står vad pengarna kan användas till och hur länge.
plan_decided-p3 = Om du inte håller med om beslutet kan du söka ändring. I beslutet står hur.
plan_decided-action = Läs beslutet
plan_decision_due-subject = Planens beslut blir snart försenat: { $client }
plan_decision_due-p1 = Beslutet om planen för klienten { $client } ska fattas senast { $date }. Det återstår { $days ->
    [one] 1 dag
   *[other] { $days } dagar
}.
plan_decision_due-p2 = Beslutet ska fattas inom tre månader från att behovet konstaterades.
plan_decision_due-action = Öppna planen
plan_evaluation_due-subject = Berätta hur dina mål går
plan_evaluation_due-p1 = Det är dags att bedöma { $goals ->
    [one] ditt mål
   *[other] dina mål ({ $goals })
}. Berätta hur det går: skalan är 1–5, och du kan skriva några ord.
plan_evaluation_due-p2 = Bedömningen hjälper dig och din handläggare att se vad som fungerar.
plan_evaluation_due-action = Bedöm målen
