# Money rules over time (issue #15): voids with a reason, disputes the client can follow,
# prices from a day, late recording, grace days and expiry. Kept apart from portal.ftl.

## Minun rahani: what happened to a row, in plain words
balance-expired = Vanhentunut
grace-open-until = Palveluntuottaja voi kirjata tämän päätöksen aikana annettuja palveluja { $date } asti.
row-notes-link = Lisätiedot
row-notes-heading = Lisätietoja kirjauksista: { $title }
row-voided = Mitätöity.
row-voided-reason = Mitätöity. Syy: { $text }
row-corrected = Korjattu reklamaation perusteella
row-corrected-note = Tämä rivi on korjattu reklamaation perusteella. Se korvaa aiemman kirjauksen.
row-dispute-made = Reklamaatio tehty { $date }. Syy: { $text }
row-provider-account = Palveluntuottajan selvitys: { $text }
row-dispute-open = Reklamaatio on käsittelyssä. Työntekijä päättää asiasta.
row-dispute-upheld = Reklamaatio hyväksyttiin. Raha palasi saldoon.
row-dispute-partly = Reklamaatio hyväksyttiin osittain: toteutunut määrä { $value }. Erotus palasi saldoon.
row-dispute-rejected = Reklamaatiota ei hyväksytty.
row-decision-reason = Työntekijän perustelu: { $text }
dispute-until = Reklamaation voi tehdä { $date } asti
dispute-state-open = Reklamaatio käsittelyssä
dispute-state-upheld = Reklamaatio hyväksytty
dispute-state-partly-upheld = Reklamaatio hyväksytty osittain
dispute-state-rejected = Reklamaatiota ei hyväksytty
dispute-partly-upheld = Osittain hyväksytty
entry-expiry = Vanhentunut

## Quantities with their unit: "1 tunti", "2 tuntia"
units-hour = tuntia
units-day = päivää
units-visit = käyntiä
units-trip = matkaa
units-month = kuukautta
units-session = kertaa
units-piece = kpl

## Provider: voiding a delivery
void-title = Mitätöi kirjaus
void-heading = Mitätöidäänkö kirjaus?
back-to-deliveries = Takaisin kirjauksiin
void-intro = Kun mitätöit kirjauksen, raha palaa asiakkaalle. Kerro syy. Asiakas näkee sen.
void-reason = Miksi kirjaus mitätöidään?
void-reason-hint = Asiakas näkee syyn kirjauksen vieressä.
void-confirm = Mitätöi kirjaus
void-keep = Älä mitätöi
void-not-possible = Tätä kirjausta ei voi mitätöidä, koska se ei ole enää voimassa.

## Provider: disputes about its deliveries
provider-disputes-title = Reklamaatiot
provider-disputes-heading = Reklamaatiot
provider-disputes-intro = Asiakas on sitä mieltä, että kirjauksessa on virhe. Kerro oma selvityksesi. Ostajan työntekijä lukee sen ja päättää asiasta.
dispute-made-on = Reklamaatio tehty
dispute-client-reason = Asiakkaan syy
dispute-provider-account = Palveluntuottajan selvitys
dispute-outcome = Päätös
dispute-decision-reason = Työntekijän perustelu
dispute-found-delivered = Hyväksytty osittain: toteutunut määrä { $value }
provider-account-label = Selvityksesi
provider-account-replace = Uusi selvitys korvaa edellisen
provider-account-hint = Kerro, mitä toteutui. Työntekijä ja asiakas näkevät selvityksen.
provider-account-send = Lähetä selvitys
notice-provider-account-sent = Selvitys on lähetetty. Työntekijä päättää asiasta.
field-error-account = Kirjoita selvitys (enintään 4 000 merkkiä).

## Case worker: deciding a dispute
dispute-recorded-quantity = Kirjattu määrä
dispute-no-account = Palveluntuottaja ei ole vielä antanut selvitystä.
dispute-decision = Päätös
dispute-choose-uphold = Hyväksy: koko kirjaus palautetaan
dispute-choose-partly = Hyväksy osittain: vain toteutunut määrä maksetaan
dispute-choose-reject = Hylkää
dispute-found-quantity = Toteutunut määrä
dispute-found-quantity-hint = Vain, jos hyväksyt osittain. Kirjattu määrä on { $value }. Erotus palautetaan asiakkaalle.
dispute-decision-reason-hint = Asiakas ja palveluntuottaja näkevät perustelun.
dispute-decide = Tallenna päätös
notice-dispute-partly-upheld = Reklamaatio on hyväksytty osittain. Erotus palasi asiakkaalle.
field-error-decision = Valitse päätös.
field-error-found-quantity = Kirjoita toteutunut määrä numerona, esimerkiksi 1 tai 1,5. Sen pitää olla pienempi kuin kirjattu määrä.

## Case worker: late recording on a commitment
late-recording-open = Myöhäinen kirjaus sallittu { $date } asti: { $text }
late-recording-allow = Salli myöhäinen kirjaus
late-recording-until = Viimeinen päivä
late-recording-until-hint = Palveluntuottaja voi kirjata vanhoja palveluja tähän päivään asti. Enintään 90 päivän päähän.
late-recording-reason = Syy
late-recording-reason-hint = Syy tallentuu tapahtumalokiin.
notice-late-recording-opened = Myöhäinen kirjaus on sallittu.
field-error-until = Kirjoita päivä: tänään tai enintään 90 päivän päähän.

## Grace days
field-grace-days = Jälkikirjausaika (päivää)
field-grace-days-hint = Kuinka monta päivää päätöksen päättymisen jälkeen palveluntuottaja voi vielä kirjata päätöksen aikana annettuja palveluja (0–365). Jos jätät tyhjäksi, käytetään ostajan oletusta.
field-error-grace-days = Kirjoita päivien määrä kokonaislukuna 0–365.
field-default-grace-days = Uusien päätösten jälkikirjausaika (päivää)
field-default-grace-days-hint = Kuinka monta päivää päätöksen päättymisen jälkeen palveluja voi vielä kirjata (0–365). Koskee uusia päätöksiä.
grace-rule = { $count ->
    [0] Uusilla päätöksillä ei ole jälkikirjausaikaa: palvelut pitää kirjata päätöksen aikana.
    [one] Uusien päätösten palveluja voi kirjata vielä 1 päivän päätöksen päättymisen jälkeen.
   *[other] Uusien päätösten palveluja voi kirjata vielä { $count } päivää päätöksen päättymisen jälkeen.
}

## Provider: prices over time
field-price-from = Hinta muuttuu alkaen
field-price-from-hint = Jätä tyhjäksi, jos uusi hinta alkaa tänään. Asiakkaat, joilla on voimassa oleva tilaus, saavat tiedon sähköpostilla.
field-error-price-from = Kirjoita päivä, joka on tänään tai myöhemmin. Hintaa ei voi muuttaa taaksepäin.
price-changes-on = Hinta muuttuu { $date } alkaen: { $price }
prices-heading = Hinnat
prices-history = Hintahistoria
col-price-from = Alkaen
col-price-to = Päättyen
price-still-holds = toistaiseksi
