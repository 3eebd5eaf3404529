# Valinnan sähköpostit suomeksi (oletuskieli). Selkokieli: lyhyet lauseet, tavalliset sanat.
#
# Avaimet (samat kaikissa kielissä; testi vaatii, että fi, sv ja en sisältävät samat avaimet):
#   <kind>-subject      otsikko (kind = Notification-tyypin snake_case-nimi)
#   <kind>-p1, -p2 …    kappaleet järjestyksessä, yksi avain per kappale; koodi päättää,
#                       mitkä kappaleet näytetään (esim. omavastuu vain, jos se on yli 0 €)
#   <kind>-action       toimintopainikkeen teksti; linkki tulee koodista
#   fact-<nimi>         tietotaulukon rivin otsikko ("Päivä: 5.10.2026")
# Muuttujat ovat valmiiksi muotoiltuja: rahat ($amount, $total …), päivät ($date …) ja nimet.
# Luvut ($count, $days, $commitments, $percent) ovat numeroita, joista Fluent valitsee
# monikon muodon.

## Yhteiset
greeting = Hei { $name },
greeting-anonymous = Hei,
on-behalf-subject = { $subject } (asiakas { $name })
on-behalf = Tämä viesti koskee asiakkaan { $name } asioita. Saat sen, koska hoidat hänen asioitaan.
link-fallback = Jos painike ei toimi, kopioi tämä osoite selaimeen:
footer-sent = Tämän viestin lähetti Valinta.
footer-optional = Voit itse valita, mitä viestejä saat.
footer-settings = Viestiasetukset
footer-mandatory = Tämä viesti lähetetään aina, koska se koskee päätöstä tai rahaa.

## Tietotaulukon otsikot
fact-offering = Palvelu
fact-provider = Palveluntuottaja
fact-purchaser = Ostaja
fact-client = Asiakas
fact-date = Päivä
fact-quantity = Määrä
fact-total = Hinta yhteensä
fact-purchaser-share = Maksettu rahastasi
fact-client-share = Omavastuu
fact-amount = Summa
fact-method = Maksutapa
fact-reserve = Varattu raha
fact-kind = Päätös
fact-granted = Myönnetty
fact-valid = Voimassa
fact-reason = Syy
fact-report-reason = Ilmoituksen syy
fact-number = Laskun numero
fact-month = Kuukausi
fact-due = Eräpäivä
fact-stars = Tähdet
fact-written = Kirjoitettu
fact-note = Perustelu
fact-changed-by = Muuttaja
fact-iban-before = Tili ennen
fact-iban-after = Tili nyt
fact-bic-before = BIC ennen
fact-bic-after = BIC nyt

## Maksutavat, rahoitus ja yksiköt
method-voucher = Palveluseteli
method-payment_commitment = Maksusitoumus
method-direct_invoice = Suoralaskutus
funding-voucher = Palveluseteli
funding-personal_budget = Henkilökohtainen budjetti
unit-hour = { $n } { $plural ->
    [one] tunti
   *[other] tuntia
}
unit-day = { $n } { $plural ->
    [one] päivä
   *[other] päivää
}
unit-visit = { $n } { $plural ->
    [one] käynti
   *[other] käyntiä
}
unit-trip = { $n } { $plural ->
    [one] matka
   *[other] matkaa
}
unit-month = { $n } { $plural ->
    [one] kuukausi
   *[other] kuukautta
}
unit-session = { $n } { $plural ->
    [one] kerta
   *[other] kertaa
}
unit-piece = { $n } kpl

## Palveluntuottajalle
application_received-subject = Hakemuksesi on vastaanotettu
application_received-p1 = { $purchaser } on saanut hakemuksesi. Hakemus koskee näitä palveluja:
application_received-p2 = Saat viestin, kun hakemus on käsitelty. Sinun ei tarvitse tehdä nyt mitään.
application_received-action = Katso hakemus

application_approved-subject = Hakemuksesi on hyväksytty
application_approved-p1 = { $purchaser } on hyväksynyt hakemuksesi. Voit nyt tarjota näitä palveluja:
application_approved-p2 = Tarkista, että palvelujesi tiedot ja hinnat ovat oikein. Asiakkaat näkevät ne haussa.
application_approved-action = Katso hakemus

application_rejected-subject = Hakemustasi ei hyväksytty
application_rejected-p1 = { $purchaser } ei hyväksynyt hakemustasi. Hakemus koski näitä palveluja:
application_rejected-p2 = Voit korjata asian ja hakea uudelleen. Jos sinulla on kysyttävää, ota yhteyttä ostajaan.
application_rejected-action = Katso hakemus

commitment_requested-subject = Uusi tilaus odottaa vastaustasi
commitment_requested-p1 = Asiakas { $client } haluaa käyttää palvelua { $offering }. Hyväksy tai hylkää tilaus.
commitment_requested-p2 = Asiakas odottaa vastaustasi. Vastaa mahdollisimman pian.
commitment_requested-action = Vastaa tilaukseen

commitment_closed-subject = Tilaus on päättynyt
commitment_closed-p1 = Asiakkaan { $client } tilaus on päättynyt. Palvelu: { $offering }.
commitment_closed-p2 = Älä kirjaa tähän tilaukseen enää uusia palveluja. Jo kirjatut palvelut laskutetaan tavalliseen tapaan.
commitment_closed-action = Katso tilaus

dispute_opened-subject = Asiakas on tehnyt reklamaation
dispute_opened-p1 = Asiakas { $client } on tehnyt reklamaation palvelusta { $offering }. Asiakkaan mielestä kirjauksessa on virhe.
dispute_opened-p2 = Ostajan työntekijä käsittelee reklamaation. Jos reklamaatio hyväksytään, summa palautetaan asiakkaalle, eikä sitä makseta sinulle.
dispute_opened-action = Katso reklamaatio

review_reply_reminder-subject = Arvio odottaa vastaustasi
review_reply_reminder-p1 = Asiakas on kirjoittanut arvion palvelusta { $offering }. Et ole vielä vastannut siihen.
review_reply_reminder-p2 = Vastaus näkyy kaikille arvion alla. Voit vastata kerran.
review_reply_reminder-action = Vastaa arvioon

deliveries_overdue-subject = Muista kirjata toteutuneet palvelut
deliveries_overdue-p1 = { $commitments ->
    [one] Yhteen tilaukseen
   *[other] { $commitments } tilaukseen
} ei ole kirjattu toteutuneita palveluja { $days } päivään.
deliveries_overdue-p2 = Kirjaa palvelut ajallaan. Silloin asiakkaan saldo pysyy oikeana, ja saat rahasi ajallaan.
deliveries_overdue-action = Kirjaa palvelut

invoice_ready-subject = Lasku { $number } on valmis
invoice_ready-p1 = Valinta on tehnyt laskun ostajalle { $purchaser } palveluista, jotka olet kirjannut.
invoice_ready-p2 = Ostaja maksaa laskun viimeistään eräpäivänä. Voit ladata laskun tiedostona.
invoice_ready-subject-credit = Hyvityslasku { $number } on valmis
invoice_ready-p1-credit = Valinta on tehnyt hyvityslaskun ostajalle { $purchaser }. Hyvityslasku pienentää summaa, jonka ostaja maksaa sinulle.
invoice_ready-p2-credit = Voit ladata hyvityslaskun tiedostona.
invoice_ready-action = Katso lasku

bank_details_changed-subject = Palveluntuottajan { $provider } tilitiedot muuttuivat
bank_details_changed-p1 = Palveluntuottajan { $provider } pankkitilin tietoja muutettiin Valinnassa. Tulevat maksut menevät uudelle tilille.
bank_details_changed-p2 = Jos kukaan teistä ei tehnyt muutosta, korjaa tilitiedot heti ja ota yhteys ostajan taloushallintoon ennen seuraavaa maksua.
bank_details_changed-none = (ei aiempaa)
bank_details_changed-action = Tarkista tilitiedot

## Asiakkaalle tai hänen puolestaan asioivalle
allocation_granted-subject = { $kind ->
    [voucher] Palveluseteli on myönnetty
   *[personal_budget] Henkilökohtainen budjetti on myönnetty
}
allocation_granted-p1 = { $purchaser } on tehnyt päätöksen. Rahaa on myönnetty { $granted }.
allocation_granted-p2 = Nyt voit valita palvelun ja palveluntuottajan. Rahaa voi käyttää { $to } asti.
allocation_granted-action = Katso päätös

commitment_accepted-subject = Tilaus on hyväksytty
commitment_accepted-p1 = { $provider } on hyväksynyt tilauksen. Palvelu: { $offering }.
commitment_accepted-p2 = Palvelu voi nyt alkaa. Palveluntuottaja kirjaa jokaisen kerran. Näet ne sivulla Minun rahani.
commitment_accepted-action = Katso tilaus

commitment_declined-subject = Tilausta ei hyväksytty
commitment_declined-p1 = { $provider } ei voi ottaa tilausta vastaan. Palvelu: { $offering }.
commitment_declined-p2 = Rahaa ei käytetty. Jos rahaa oli varattu, se on taas käytettävissä. Voit valita toisen palveluntuottajan.
commitment_declined-action = Katso tilaus

delivery_recorded-subject = Palvelu on kirjattu: { $offering }
delivery_recorded-p1 = { $provider } on kirjannut toteutuneen palvelun.
delivery_recorded-p2 = Omavastuun maksat itse palveluntuottajalle. Sitä ei oteta rahoistasi.
delivery_recorded-p3 = Rahaa on nyt käytettävissä { $available }.
delivery_recorded-p4 = Tarkista tiedot. Jos niissä on virhe, tee reklamaatio viimeistään { $until }.
delivery_recorded-action = Tarkista tiedot

delivery_digest-subject = Kirjatut palvelut { $from } – { $to }
delivery_digest-p1 = { $count ->
    [0] Ajalla { $from } – { $to } ei kirjattu palveluja.
    [one] Ajalla { $from } – { $to } kirjattiin 1 palvelu:
   *[other] Ajalla { $from } – { $to } kirjattiin { $count } palvelua:
}
delivery_digest-line = { $date }: { $offering }, { $provider }, { $quantity }, { $total }
delivery_digest-line-share = { $date }: { $offering }, { $provider }, { $quantity }, { $total } (omavastuu { $share })
delivery_digest-p2 = Rahaa on nyt käytettävissä { $available }.
delivery_digest-p3 = Tarkista tiedot. Jos niissä on virhe, voit tehdä reklamaation 14 päivän kuluessa palvelun päivästä.
delivery_digest-action = Tarkista tiedot

balance_low-subject = Rahaa on jäljellä vähän
balance_low-p1 = Rahaa on käytettävissä enää { $available }. Se on { $percent } % myönnetystä summasta { $granted }.
balance_low-p2 = Jos tarvitset lisää rahaa palveluihin, ota yhteyttä omaan työntekijääsi.
balance_low-action = Katso saldo

allocation_ending-subject = Päätös päättyy { $date }
allocation_ending-p1 = Päätös on voimassa { $date } asti. Aikaa on { $days ->
    [one] 1 päivä
   *[other] { $days } päivää
}.
allocation_ending-p2 = Rahaa on vielä käytettävissä { $available }. Raha, jota ei ole käytetty, ei siirry seuraavaan päätökseen.
allocation_ending-p3 = Jos tarvitset palvelua myös myöhemmin, ota yhteyttä omaan työntekijääsi.
allocation_ending-action = Katso saldo

dispute_decided-subject-upheld = Reklamaatio on hyväksytty
dispute_decided-p1-upheld = Reklamaatio palvelusta { $offering } on hyväksytty. { $amount } palautettiin rahoihisi.
dispute_decided-p2-upheld = Sinun ei tarvitse tehdä mitään.
dispute_decided-subject-rejected = Reklamaatiota ei hyväksytty
dispute_decided-p1-rejected = Reklamaatio palvelusta { $offering } on käsitelty. Sitä ei hyväksytty. Rahaa ({ $amount }) ei palautettu.
dispute_decided-p2-rejected = Jos olet eri mieltä, ota yhteyttä omaan työntekijääsi.
dispute_decided-action = Katso palvelu

## Ostajan työntekijälle
provider_application-subject = Uusi hakemus: { $provider }
provider_application-p1 = { $provider } hakee hyväksyntää näille palveluille:
provider_application-p2 = Tarkista hakemus ja tee päätös.
provider_application-action = Käsittele hakemus

dispute_to_handle-subject = Uusi reklamaatio käsiteltäväksi
dispute_to_handle-p1 = Asiakas on tehnyt reklamaation palvelusta, jonka { $provider } on kirjannut.
dispute_to_handle-p2 = Tarkista asia ja tee päätös. Asiakas ja palveluntuottaja saavat tiedon päätöksestä.
dispute_to_handle-action = Käsittele reklamaatio

review_reported-subject = Arvio on ilmoitettu tarkistettavaksi
review_reported-p1 = Arviosta palvelulle { $offering } on tehty ilmoitus.
review_reported-p2 = Tarkista arvio. Voit piilottaa sen, jos se rikkoo sääntöjä.
review_reported-action = Tarkista arvio

## Oma käyttäjätili
account_link-subject-set_password = Valitse salasana Valintaan
account_link-p1-set_password = Sinulle on tehty käyttäjätili Valintaan. Valitse itsellesi salasana alla olevasta linkistä.
account_link-subject-reset_password = Uusi salasana Valintaan
account_link-p1-reset_password = Joku pyysi uutta salasanaa tälle sähköpostiosoitteelle. Jos se olit sinä, valitse uusi salasana alla olevasta linkistä.
account_link-p2 = Linkki toimii vain kerran ja vain { $minutes } minuuttia.
account_link-p3 = Jos et pyytänyt tätä, sinun ei tarvitse tehdä mitään.
account_link-action = Valitse salasana
mandate_granted-subject = Voit nyt hoitaa asioita henkilön { $client } puolesta
mandate_granted-p1 = Sinut on merkitty Valintaan henkilön { $client } puolesta asioivaksi. Voit nyt katsoa hänen rahojaan ja valita hänelle palveluja.
mandate_granted-p2 = Jos tämä on virhe, ota yhteyttä hänen omaan työntekijäänsä.
mandate_granted-action = Avaa Valinta
mandate_ended-subject = Et enää hoida asioita henkilön { $client } puolesta
mandate_ended-p1 = Oikeutesi hoitaa asioita henkilön { $client } puolesta Valinnassa on päättynyt.
mandate_ended-p2 = Jos tämä on virhe, ota yhteyttä hänen omaan työntekijäänsä.
mandate_ended-action = Avaa Valinta
fact-relation = Suhde
fact-valid-until = Voimassa

dispute_decided-subject-partly = Reklamaatio on hyväksytty osittain
dispute_decided-p1-partly = Reklamaatio palvelusta { $offering } on käsitelty. Kirjattu määrä oli { $recorded }, mutta toteutunut määrä oli { $found }. Erotus { $returned } palautettiin rahoihisi.
dispute_decided-p2-partly = Jos olet eri mieltä, ota yhteyttä omaan työntekijääsi.

price_changed-subject = Hinta muuttuu: { $offering }
price_changed-p1 = { $provider } muuttaa palvelun { $offering } hintaa { $date } alkaen. Uusi hinta on { $price }.
price_changed-p2 = Palveluseteli maksaa enintään setelin arvon. Jos hinta nousee, oma osuutesi voi kasvaa. Voit jatkaa palvelua tai valita toisen palveluntuottajan. Kysy tarvittaessa omalta työntekijältäsi.
price_changed-action = Katso palvelu

allocation_expired-subject = Päätöksen raha on vanhentunut
allocation_expired-p1 = Päätös oli voimassa { $date } asti. Rahaa jäi käyttämättä { $expired }. Sitä ei voi enää käyttää.
allocation_expired-p2 = Jos tarvitset palvelua edelleen, ota yhteyttä omaan työntekijääsi.
allocation_expired-action = Katso rahasi

fact-price-before = Hinta ennen
fact-price-after = Uusi hinta
fact-valid-from = Alkaen

## Henkilökohtaisen budjetin suunnitelmat
fact-decision-number = Päätöksen numero
plan_decided-subject = Suunnitelmastasi on tehty päätös
plan_decided-p1 = Sinulle on myönnetty henkilökohtainen budjetti: { $granted }.
plan_decided-p2 = Päätöksessä kerrotaan, mihin rahaa voi käyttää ja kuinka kauan.
plan_decided-p3 = Jos et ole samaa mieltä päätöksestä, voit hakea siihen muutosta. Päätöksessä kerrotaan, miten.
plan_decided-action = Lue päätös
plan_decision_due-subject = Suunnitelman päätös on pian myöhässä: { $client }
plan_decision_due-p1 = Asiakkaan { $client } suunnitelmasta pitää tehdä päätös viimeistään { $date }. Aikaa on { $days ->
    [one] 1 päivä
   *[other] { $days } päivää
}.
plan_decision_due-p2 = Päätös pitää tehdä kolmen kuukauden kuluessa siitä, kun tarve todettiin.
plan_decision_due-action = Avaa suunnitelma
plan_evaluation_due-subject = Kerro, miten tavoitteesi etenevät
plan_evaluation_due-p1 = On aika arvioida { $goals ->
    [one] tavoitettasi
   *[other] tavoitteitasi ({ $goals })
}. Kerro, miten ne etenevät: asteikko on 1–5, ja voit kirjoittaa muutaman sanan.
plan_evaluation_due-p2 = Arvio auttaa sinua ja työntekijääsi näkemään, mikä toimii.
plan_evaluation_due-action = Arvioi tavoitteet
