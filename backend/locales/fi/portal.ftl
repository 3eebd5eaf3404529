# Valinta portal, Finnish (the default language). Client pages use plain language (selkokieli):
# short sentences, common words, one thing at a time.

## Layout
skip-to-content = Siirry sisältöön
nav-label = Päävalikko
nav-search = Hae palveluja
nav-my-money = Minun rahani
nav-provider = Oma yritys
nav-offerings = Palvelut
nav-commitments = Tilaukset
nav-deliveries = Toteutuneet palvelut
nav-catalogue = Palveluvalikoima
nav-applications = Hakemukset
nav-clients = Asiakkaat
nav-disputes = Reklamaatiot
language-choose = Valitse kieli
signed-in-as = Kirjautuneena:
sign-in = Kirjaudu sisään
sign-out = Kirjaudu ulos
footer-text = Valinta – palvelusetelit ja henkilökohtainen budjetti. Saat apua omalta työntekijältäsi.
whose-matters = Näet asiakkaan { $name } asiat.
required = pakollinen
choose-one = Valitse
save = Tallenna
edit = Muokkaa
yes = Kyllä
no = Ei
accept = Hyväksy
decline = Hylkää
approve = Hyväksy
reject = Hylkää
uphold = Hyväksy reklamaatio
void = Mitätöi
archive = Poista palvelu näkyvistä
opens-other-site = (avautuu toiselle sivustolle)
back-to-front = Etusivulle

## Errors
error-title = Jokin meni vikaan
error-summary-title = Tarkista tiedot
error-check-form = Lomakkeessa on virhe. Korjaa merkityt kohdat.
error-forbidden = Sinulla ei ole oikeutta tähän.
error-not-found = Sivua ei löytynyt. Se on ehkä poistettu, tai osoite on väärä.
error-bad-request = Pyyntöä ei voitu lukea. Palaa takaisin ja yritä uudelleen.
error-conflict = Tätä ei voi tehdä nyt, koska tilanne on muuttunut. Lataa sivu uudelleen.
error-too-large = Lähetetty tieto on liian suuri.
error-internal = Meillä tapahtui virhe. Mitään ei muutettu. Yritä hetken päästä uudelleen.
error-search-unavailable = Haku ei juuri nyt ole käytettävissä. Mitään ei muutettu. Yritä hetken päästä uudelleen.
error-csrf = Lomake vanheni tai tuli toiselta sivustolta. Lataa sivu uudelleen ja yritä uudelleen.
error-malformed-request = Lomaketta ei voitu lukea. Tarkista tiedot.
error-unauthorized = Kirjaudu ensin sisään.
error-invalid-field = Jokin tieto ei kelpaa. Korjaa merkityt kohdat.
error-internal-error = Meillä tapahtui virhe. Mitään ei muutettu.
error-overdraw = Rahaa ei ole tähän tarpeeksi. Mitään ei kirjattu.
error-wrong-status = Tätä ei voi tehdä tässä vaiheessa.
error-duplicate = Tämä on jo olemassa.
error-duplicate-reference = Tällä viitteellä on jo kirjattu toinen palvelu. Käytä eri viitettä.
error-idempotency-conflict = Tällä viitteellä on jo kirjattu eri tiedot. Käytä eri viitettä.
error-not-approved = Palveluntuottajaa ei ole vielä hyväksytty tähän palveluun.
error-allocation-ended = Päätöksen voimassaolo on päättynyt.
error-already-settled = Tämä on jo laskutettu. Sitä ei voi enää muuttaa.
error-dispute-open = Tästä on jo tehty reklamaatio.
error-dispute-window-closed = Reklamaation voi tehdä 14 päivän kuluessa palvelun päivästä.
field-error-generic = Tarkista tämä kohta.
field-error-quantity = Kirjoita määrä numerona, esimerkiksi 2 tai 1,5. Määrä ei saa ylittää jäljellä olevaa rahaa.
field-error-unit-price = Kirjoita hinta euroina, esimerkiksi 45,00. Hinta ei saa ylittää enimmäishintaa.
field-error-date = Kirjoita päivä oikein. Päivän pitää olla päätöksen voimassaoloaikana, eikä se saa olla tulevaisuudessa.
field-error-reference = Kirjoita viite. Se voi olla esimerkiksi käynnin numero.
field-error-reserve = Varattava summa ei voi olla suurempi kuin käytettävissä oleva raha.
field-error-granted = Kirjoita summa euroina, esimerkiksi 1200,00.
field-error-valid-from = Kirjoita alkamispäivä.
field-error-valid-to = Kirjoita päättymispäivä. Se ei voi olla ennen alkamispäivää.
field-error-personal-id = Henkilötunnus ei ole oikein. Tarkista se.
field-error-business-id = Y-tunnus ei ole oikein. Tarkista se.
field-error-email = Kirjoita sähköpostiosoite oikein.
field-error-password = Salasanan pitää olla vähintään 10 merkkiä.
field-error-name = Kirjoita nimi.
field-error-title-fi = Kirjoita otsikko suomeksi.
field-error-description-fi = Kirjoita kuvaus suomeksi.
field-error-municipalities = Valitse ainakin yksi kunta ostajan alueelta.
field-error-municipality = Kirjoita alueesi kunnan nimi tai kuntanumero, esimerkiksi Kerava tai 245.
field-error-languages = Valitse ainakin yksi kieli.
field-error-method = Tätä maksutapaa ei voi käyttää tämän päätöksen kanssa.
field-error-allocation = Valitse päätös. Päätöksen pitää sopia tähän palveluun.
field-error-allocation-id = Valitse päätös. Päätöksen pitää sopia tähän palveluun.
field-error-offering-id = Tätä palvelua ei voi valita tällä päätöksellä.
field-error-service-id = Valitse palvelu.
field-error-service-ids = Valitse palvelut ostajan valikoimasta.
field-error-services = Valitse ainakin yksi palvelu.
field-error-voucher-value = Kirjoita setelin arvo euroina, esimerkiksi 40,00.
field-error-price-cap = Kirjoita enimmäishinta euroina.
field-error-code = Kirjoita palvelun tunnus.
field-error-unit = Valitse yksikkö.
field-error-methods = Valitse ainakin yksi maksutapa.
field-error-reason = Kerro syy.
field-error-accept = Sinun pitää hyväksyä sääntökirja.
field-error-kind = Valitse palveluseteli tai henkilökohtainen budjetti.
field-error-phone = Puhelinnumerossa voi olla vain numeroita, välilyöntejä ja merkit + - ( ).
field-error-relation = Kerro, mikä suhde asioijalla on asiakkaaseen.
field-error-purchaser = Valitse ostaja.
field-error-name-fi = Kirjoita nimi suomeksi.

## Front page
home-title = Etusivu
home-heading = Löydä sinulle sopiva palvelu
home-intro = Voit hakea palveluja, vertailla niitä ja maksaa palvelusetelillä tai henkilökohtaisella budjetilla.
home-categories = Palvelut
home-no-categories = Palveluja ei ole vielä lisätty.
home-how-title = Näin se toimii
home-how-1 = Hae palvelua. Voit rajata hakua esimerkiksi kunnan tai kielen mukaan.
home-how-2 = Vertaa palveluja ja niiden hintoja.
home-how-3 = Valitse palvelu. Palveluntuottaja vahvistaa tilauksen.
offer-count = { $count ->
    [one] { $count } palvelu
   *[other] { $count } palvelua
}

## Search
search-title = Hae palveluja
search-heading = Hae palveluja
search-label = Mitä palvelua etsit?
search-button = Hae
search-hint = Esimerkiksi siivous, kotihoito tai uinti.
search-bad-filter = Rajaus { $filter } ei kelpaa. Tarkista se.
filters-heading = Rajaa hakua
filters-apply = Näytä tulokset
filters-clear = Poista rajaukset
filter-any = Kaikki
filter-municipality = Kunta
filter-service = Palvelu
filter-method = Maksutapa
filter-language = Palvelun kieli
filter-accessibility = Saavutettavuus
filter-max-price = Hinta enintään (euroa)
filter-max-price-hint = Esimerkiksi 50 tai 49,90.
filter-min-rating = Arvio vähintään
filter-rating-at-least = { $stars } tähteä tai enemmän
filter-sort = Järjestys
filter-q = Hakusana
filter-page = Sivu
filter-per-page = Tuloksia sivulla
filter-lat = Sijainti
filter-lon = Sijainti
filter-purchaser = Ostaja
filter-social-care = Sosiaalipalvelu
sort-relevance = Osuvimmat ensin
sort-rating = Parhaat arviot ensin
sort-price = Halvimmat ensin
results-heading = Tulokset
results-count = { $count ->
    [0] Palveluja ei löytynyt.
    [one] Löytyi 1 palvelu.
   *[other] Löytyi { $count } palvelua.
}
results-none = Kokeile toista hakusanaa tai poista rajauksia.
compare-hint = Valitse 2–4 palvelua ja vertaa niitä.
compare-this = Vertaa: { $title }
compare-button = Vertaa valittuja
compare-selected = Valittu { $n }.
pages-label = Sivut
page-previous = Edellinen sivu
page-next = Seuraava sivu
page-number = Sivu { $number }
fact-price = Hinta
offering-price-changes = Hinta muuttuu { $date } alkaen: { $price }
fact-rating = Arviot
fact-area = Kunnat
fact-languages = Kielet
fact-accessibility = Saavutettavuus
fact-provider = Palveluntuottaja
fact-service = Palvelu
fact-voucher-value = Setelin arvo
fact-methods = Maksutapa
fact-address = Osoite
fact-business-id = Y-tunnus
fact-not-told = Ei kerrottu
fact-own-share = Sinun omavastuusi
fact-affordable = Rahasi riittää
price-per-unit = { $price } / { $unit }
rating-summary = { $average } / 5 ({ $count ->
    [one] 1 arvio
   *[other] { $count } arviota
})
rating-none = Ei vielä arvioita

## Offering and provider
offering-title = Palvelu
back-to-search = Takaisin hakuun
offering-archived = Tämä palvelu ei ole enää tarjolla.
map-link = Katso kartalta
choose-this = Valitse tämä palvelu
reviews-heading = Arviot
provider-title = Palveluntuottaja
provider-offerings = Palvelut
provider-no-offerings = Tällä palveluntuottajalla ei ole nyt palveluja.
col-offering = Palvelu

## Compare
compare-title = Vertaa palveluja
compare-heading = Vertaa palveluja
compare-caption = Palvelut rinnakkain
compare-allocation = Päätös, jolla maksat
compare-update = Päivitä vertailu
compare-pick-2-4 = Valitse vertailuun 2–4 palvelua.
compare-not-covered = Tällä päätöksellä ei voi maksaa tätä palvelua.
units-affordable = { $amount } (arvio)
col-next-step = Seuraava vaihe
choose-named = Valitse { $title }
allocation-label = { $kind }, jäljellä { $available }, voimassa { $until } asti

## Sign in
signin-title = Kirjaudu sisään
signin-heading = Kirjaudu sisään
signin-failed = Sähköposti tai salasana on väärin. Yritä uudelleen.
signin-throttled = Liian monta yritystä. Odota { $minutes } min ja yritä sitten uudelleen.
signin-help = Jos et pääse sisään, ota yhteyttä omaan työntekijääsi.
signin-strong-heading = Asiakkaat ja asiointiedustajat
signin-strong-hint = Tunnistaudu samalla tavalla kuin verkkopankissa. Et tarvitse salasanaa.
signin-strong = Tunnistaudu vahvasti (pankkitunnukset, mobiilivarmenne)
signin-password-heading = Henkilöstö: kirjaudu sähköpostilla ja salasanalla
oidc-choose-title = Valitse, kenenä kirjaudut
oidc-choose-heading = Valitse, kenenä kirjaudut
oidc-choose-lead = Voit kirjautua omana itsenäsi tai asioida toisen puolesta. Valitse yksi.
oidc-as-client = Omana itsenäni: { $name }
oidc-as-proxy = Asiointiedustajana: { $name }
oidc-unknown-title = Sinua ei löydy palvelusta
oidc-unknown = Tunnistautuminen onnistui, mutta tunnuksellasi ei ole asiakkuutta eikä asiointivaltuutta. Ota yhteyttä oman hyvinvointialueesi sosiaalipalveluihin. Ne antavat palvelusetelin ja voivat lisätä sinut palveluun.
oidc-failed-title = Tunnistautuminen ei onnistunut
oidc-failed = Tunnistautuminen keskeytyi, vanheni tai oli jo käytetty. Aloita kirjautuminen alusta.
oidc-unavailable-title = Tunnistautuminen ei ole nyt käytössä
oidc-unavailable = Vahva tunnistautuminen ei juuri nyt toimi. Yritä hetken päästä uudelleen.
field-email = Sähköposti
field-password = Salasana

## My money (client, plain language)
money-title = Minun rahani
money-heading = Minun rahani
money-none = Sinulla ei ole vielä päätöstä.
acting-title = Kenen asioita hoidat?
acting-heading = Kenen asioita hoidat nyt?
acting-intro = Valitse henkilö. Näet sen jälkeen vain hänen asiansa, kunnes vaihdat.
acting-for-button = Hoidan henkilön { $name } asioita
acting-own-button = Hoidan omia asioitani ({ $name })
acting-current = (valittu nyt)
acting-region = Kenen asioita hoidat
acting-banner = Hoidat nyt henkilön { $name } asioita.
acting-switch = Vaihda henkilöä
choose-submit-for = Tilaa asiakkaalle { $name }
dispute-submit-for = Lähetä reklamaatio asiakkaan { $name } puolesta
proxy-switch-label = Kenen asioita hoidat?
proxy-switch-button = Vaihda
allocation-period = Voimassa { $from } – { $to }
allocation-use-for = Voit käyttää rahaa näihin palveluihin:
allocation-any-service = kaikkiin päätöksen sallimiin palveluihin
voucher-value-is = Setelin arvo on { $value } yhdeltä kerralta tai tunnilta. Jos palvelu maksaa enemmän, maksat erotuksen itse.
balance-available = Käytettävissä
balance-reserved = Varattu
balance-spent = Käytetty
balance-granted = Myönnetty yhteensä
money-services-heading = Palvelut, jotka olet valinnut
money-no-commitments = Et ole vielä valinnut palvelua.
money-find-service = Hae palvelu
money-no-deliveries = Palvelua ei ole vielä kirjattu.
commitment-status = Tilanne
deliveries-of = Toteutuneet palvelut: { $title }
col-date = Päivä
col-quantity = Määrä
col-total = Hinta yhteensä
col-paid-from-balance = Maksettu rahastasi
col-own-share = Omavastuu
col-status = Tila
col-actions = Toiminnot
dispute-link = Tee reklamaatio

## Choosing an offering
choose-title = Valitse palvelu
choose-heading = Valitse palvelu
choose-intro = Tee tilaus. Palveluntuottaja vahvistaa sen.
choose-allocation = Millä päätöksellä maksat?
choose-method = Maksutapa
choose-method-hint = Jos et tiedä, valitse ensimmäinen.
choose-reserve = Varaa rahaa tähän palveluun (euroa)
choose-reserve-hint = Ei pakollinen. Varattu raha odottaa tätä palvelua.
choose-next-step = Kun lähetät tilauksen, palveluntuottaja saa sen. Näet tilanteen sivulta Minun rahani.
choose-submit = Lähetä tilaus
choose-no-allocation = Sinulla ei ole päätöstä, jolla voit maksaa. Ota yhteyttä omaan työntekijääsi.
back-to-offering = Takaisin palveluun

## Dispute
dispute-title = Reklamaatio
dispute-heading = Onko tässä virhe?
dispute-intro = Kerro, mikä on väärin. Työntekijä tarkistaa asian ja vastaa sinulle.
dispute-reason = Mikä on väärin?
dispute-reason-hint = Esimerkiksi: palvelu ei toteutunut tänä päivänä.
dispute-submit = Lähetä reklamaatio
back-to-money = Takaisin sivulle Minun rahani

## Provider
provider-home-title = Oma yritys
provider-todo = Tehtävät
provider-waiting = { $count ->
    [0] Ei uusia tilauksia
    [one] 1 uusi tilaus odottaa vastaustasi
   *[other] { $count } uutta tilausta odottaa vastaustasi
}
provider-record-link = Kirjaa toteutunut palvelu
provider-applications-link = Hae hyväksyntää ostajalta
provider-profile = Yhteystiedot
field-provider-name = Yrityksen nimi
field-phone = Puhelin
applications-title = Hakemukset
applications-heading = Hakemukset ostajille
applications-mine = Omat hakemukset
applications-none = Ei hakemuksia.
applications-new = Uusi hakemus
apply-purchaser = Ostaja
apply-show-services = Näytä palvelut
apply-services-of = Palvelut, joita haet ({ $purchaser })
apply-no-services = Ostajalla ei ole vielä palveluja.
rulebook-of = Sääntökirja: { $service }
apply-accept = Olen lukenut sääntökirjat ja sitoudun noudattamaan niitä.
apply-submit = Lähetä hakemus
col-purchaser = Ostaja
col-services = Palvelut
col-reason = Perustelu
offerings-title = Palvelut
offerings-heading = Omat palvelut
offering-new-link = Lisää palvelu
offerings-need-approval = Voit lisätä palveluja, kun ostaja on hyväksynyt sinut.
offerings-none = Ei palveluja.
status-archived = Poistettu näkyvistä
status-listed = Näkyvissä
offering-new-title = Uusi palvelu
offering-edit-title = Muokkaa palvelua
back-to-offerings = Takaisin palveluihin
field-service = Palvelu ostajan valikoimasta
field-title-fi = Otsikko suomeksi
field-title-sv = Otsikko ruotsiksi
field-title-en = Otsikko englanniksi
field-description-fi = Kuvaus suomeksi
field-description-sv = Kuvaus ruotsiksi
field-description-en = Kuvaus englanniksi
field-unit-price = Hinta yksiköltä (euroa)
field-unit-price-hint = Esimerkiksi 45,00.
field-municipalities = Kunnat, joissa palvelet
field-languages = Kielet, joilla palvelet
field-accessibility = Saavutettavuus
field-address = Osoite
archive-explain = Palvelu poistuu hausta. Tehdyt tilaukset säilyvät.
commitments-title = Tilaukset
commitments-heading = Tilaukset
commitments-none = Ei tilauksia.
col-client = Asiakas
record-delivery = Kirjaa palvelu
deliver-title = Kirjaa toteutunut palvelu
deliver-heading = Kirjaa toteutunut palvelu
deliver-reserved-before = Varattu nyt
deliver-reserved-after = Varattu kirjauksen jälkeen
deliver-available-after = Asiakkaalla käytettävissä kirjauksen jälkeen
deliver-preview = Näin kirjaus vaikuttaa
deliver-check = Tarkista vaikutus
deliver-submit = Kirjaa
field-delivery-date = Päivä, jona palvelu toteutui
field-quantity = Määrä
field-quantity-hint = Esimerkiksi 2 tuntia tai 1,5.
field-reference = Oma viite
field-reference-hint = Valmiiksi täytetty viite estää saman kirjauksen tallentumisen kahdesti.
back-to-commitments = Takaisin tilauksiin
deliveries-title = Toteutuneet palvelut
deliveries-heading = Toteutuneet palvelut
deliveries-record-heading = Kirjaa uusi
record-for = Kirjaa: { $title }
month-label = Kuukausi { $month }
month-nav = Kuukaudet
month-previous = Edellinen kuukausi
month-next = Seuraava kuukausi
deliveries-none = Tälle kuukaudelle ei ole kirjauksia.
deliveries-month-total = Yhteensä
col-purchaser-share = Ostajan osuus

## Purchaser
catalogue-title = Palveluvalikoima
catalogue-heading = Palveluvalikoima
catalogue-none = Valikoimassa ei ole vielä palveluja.
catalogue-new = Lisää palvelu valikoimaan
catalogue-add = Lisää palvelu
col-name = Nimi
field-service-code = Tunnus
field-name-fi = Nimi suomeksi
field-name-sv = Nimi ruotsiksi
field-name-en = Nimi englanniksi
field-unit = Yksikkö
field-social-care = Sosiaalipalvelu
field-methods = Maksutavat
field-voucher-value = Setelin arvo (euroa)
field-price-cap = Enimmäishinta (euroa)
field-rulebook = Sääntökirja
field-rulebook-hint = Yksi sääntö riville.
purchaser-applications-title = Hakemukset
purchaser-applications-heading = Palveluntuottajien hakemukset
decision-reason = Perustelu
decision-reason-hint = Hylkäyksessä pakollinen. Palveluntuottaja näkee perustelun.
clients-title = Asiakkaat
clients-heading = Asiakkaat
clients-none = Ei asiakkaita.
clients-new = Lisää asiakas
clients-add = Lisää asiakas
field-client-name = Asiakkaan nimi
field-personal-id = Henkilötunnus
field-personal-id-hint = Näytetään vain osittain.
field-municipality = Kotikunta
field-municipality-hint = Kunnan nimi suomeksi tai ruotsiksi tai kuntanumero, esimerkiksi Kerava, Kervo tai 245.
field-client-email-hint = Jos asiakkaalla on sähköposti, hän saa siihen linkin, jolla hän valitsee oman salasanan. Ilman sähköpostia asiakas kirjautuu pankkitunnuksilla tai mobiilivarmenteella.
field-new-password-hint = Vähintään 10 merkkiä.
client-title = Asiakas
back-to-clients = Takaisin asiakkaisiin
grant-link = Tee uusi päätös
client-allocations = Päätökset
ledger-heading = Tapahtumat
col-event = Tapahtuma
same-person-heading = Tämä asiakas on sama henkilö kuin:
same-person-help = Henkilötunnukset ovat samat, vaikka ne on kirjoitettu eri tavalla. Yhdistä tiedot yhdelle asiakkaalle ja lopeta toisen päätökset.
mandates-heading = Puolesta asioijat
mandates-none = Asiakkaalla ei ole puolesta asioijaa.
mandate-status = Tila
mandate-live = Voimassa
mandate-ended = Päättynyt { $date }
mandate-until-revoked = Toistaiseksi
mandate-revoke = Päätä oikeus
mandate-revoke-reason = Miksi oikeus päättyy?
mandate-revoke-button = Päätä oikeus nyt
field-valid-until = Voimassa viimeistään
field-valid-until-hint = Jätä tyhjäksi, jos oikeus on voimassa toistaiseksi.
field-proxy-email-hint = Henkilö saa sähköpostiin linkin, jolla hän valitsee oman salasanan.
field-proxy-personal-id-hint = Jos henkilö tunnistautuu pankkitunnuksilla tai mobiilivarmenteella.
proxy-confirm-heading = Tämä henkilö on jo Valinnassa
proxy-confirm-text = Sähköposti tai henkilötunnus kuuluu jo tälle henkilölle. Tarkista, että hän on oikea henkilö.
proxy-confirm-button = Kyllä, lisää hänet puolesta asioijaksi
proxy-confirm-else = Jos henkilö on väärä, korjaa tiedot alla.
notice-mandate-revoked = Puolesta asioinnin oikeus on päättynyt.
field-error-valid-until = Kirjoita päivä, joka ei ole mennyt.
field-error-confirm-existing = Tarkista henkilö uudelleen.
error-two-people = Sähköposti ja henkilötunnus kuuluvat kahdelle eri henkilölle. Tarkista ne.
error-already-ended = Oikeus on jo päättynyt.
proxy-add-heading = Lisää puolesta asioija
proxy-add = Lisää puolesta asioija
field-proxy-name = Puolesta asioijan nimi
field-relation = Suhde asiakkaaseen
field-relation-hint = Esimerkiksi tytär tai edunvalvoja.
grant-title = Uusi päätös
grant-heading = Uusi päätös
grant-submit = Tee päätös
back-to-client = Takaisin asiakkaaseen
field-funding-kind = Päätöksen tyyppi
field-granted = Myönnetty summa (euroa)
field-euros-hint = Esimerkiksi 1200,00.
field-valid-from = Alkaa
field-valid-to = Päättyy
field-allocation-services = Palvelut, joihin rahaa voi käyttää
field-allocation-services-hint = Palvelusetelissä valitse palvelut. Henkilökohtaisessa budjetissa tyhjä tarkoittaa kaikkia valikoiman palveluja.
field-voucher-value-hint = Jos tyhjä, käytetään valikoiman setelin arvoa.
disputes-title = Reklamaatiot
disputes-heading = Reklamaatiot
disputes-none = Ei reklamaatioita.

## Confirmations
notice-signed-out = Olet kirjautunut ulos.
notice-switched = Näet nyt valitsemasi asiakkaan asiat.
notice-commitment-requested = Tilaus on lähetetty. Palveluntuottaja vahvistaa sen.
notice-dispute-sent = Reklamaatio on lähetetty. Työntekijä tarkistaa asian.
notice-saved = Tiedot on tallennettu.
notice-application-sent = Hakemus on lähetetty.
notice-offering-saved = Palvelu on tallennettu.
notice-offering-archived = Palvelu on poistettu näkyvistä.
notice-commitment-accepted = Tilaus on hyväksytty.
notice-commitment-declined = Tilaus on hylätty.
notice-delivery-recorded = Palvelu on kirjattu. Asiakkaan saldo päivittyi.
notice-delivery-voided = Kirjaus on mitätöity. Raha palasi asiakkaalle.
notice-service-added = Palvelu on lisätty valikoimaan.
notice-application-approved = Hakemus on hyväksytty.
notice-application-rejected = Hakemus on hylätty.
notice-client-added = Asiakas on lisätty.
notice-proxy-added = Puolesta asioija on lisätty.
notice-allocation-granted = Päätös on tehty.
notice-dispute-upheld = Reklamaatio on hyväksytty. Raha palasi asiakkaalle.
notice-dispute-rejected = Reklamaatio on hylätty.

## Vocabularies
unit-hour = tunti
unit-day = päivä
unit-visit = käynti
unit-trip = matka
unit-month = kuukausi
unit-session = kerta
unit-piece = kpl
amount-hour = { $count ->
    [one] { $amount } tunti
   *[other] { $amount } tuntia
}
amount-day = { $count ->
    [one] { $amount } päivä
   *[other] { $amount } päivää
}
amount-visit = { $count ->
    [one] { $amount } käynti
   *[other] { $amount } käyntiä
}
amount-trip = { $count ->
    [one] { $amount } matka
   *[other] { $amount } matkaa
}
amount-month = { $count ->
    [one] { $amount } kuukausi
   *[other] { $amount } kuukautta
}
amount-session = { $count ->
    [one] { $amount } kerta
   *[other] { $amount } kertaa
}
amount-piece = { $count ->
    [one] { $amount } kpl
   *[other] { $amount } kpl
}
method-voucher = Palveluseteli
method-payment-commitment = Maksusitoumus
method-direct-invoice = Suoralaskutus
funding-voucher = Palveluseteli
funding-personal-budget = Henkilökohtainen budjetti
access-wheelchair = Esteetön pyörätuolilla
access-sign-language = Viittomakieli
access-plain-language = Selkokieli
access-hearing-loop = Induktiosilmukka
access-home-visits = Kotikäynnit
access-braille = Pistekirjoitus
access-parking = Invapysäköinti
language-fi = suomi
language-sv = ruotsi
language-en = englanti
language-se = saame
language-ru = venäjä
language-et = viro
language-ar = arabia
language-so = somali
language-fa = persia
language-uk = ukraina
commitment-requested = Odottaa vahvistusta
commitment-accepted = Hyväksytty
commitment-declined = Hylätty
commitment-closed = Päättynyt
commitment-cancelled = Peruttu
delivery-recorded = Kirjattu
delivery-voided = Mitätöity
delivery-reversed = Palautettu reklamaation vuoksi
application-pending = Odottaa päätöstä
application-approved = Hyväksytty
application-rejected = Hylätty
dispute-open = Käsittelyssä
dispute-upheld = Hyväksytty
dispute-rejected = Hylätty
entry-grant = Myönnetty
entry-reserve = Varattu
entry-release = Varaus purettu
entry-spend = Käytetty
entry-reverse = Palautettu
entry-expire = Vanhentunut

## Arviot
provider-rating = Kaikkien palveluiden arviot
nav-my-reviews = Omat arvioni
nav-reviews = Arviot
nav-moderation = Arvioiden valvonta
notice-review-saved = Kiitos! Arviosi on tallennettu.
notice-review-reported = Kiitos. Valvoja tarkistaa arvion.
notice-reply-saved = Vastauksesi on tallennettu. Se näkyy arvion alla.
notice-review-hidden = Arvio on piilotettu. Kirjoittaja näkee syyn.
notice-review-kept = Arvio pysyy näkyvissä. Ilmoitukset on käsitelty.
notice-review-restored = Arvio on taas näkyvissä.
reviews-verified-note = Arvion voi kirjoittaa vain asiakas, joka on käyttänyt palveluntuottajan palvelua. Arvioista ei näy, kuka ne kirjoitti.
reviews-distribution = Kuinka monta tähteä arviot antoivat
reviews-pages = Lisää arvioita
reviews-newer = Uudemmat arviot
reviews-older = Vanhemmat arviot
review-report-link = Ilmoita asiaton arvio
review-verified-client = Varmistettu asiakas
review-reply-from-provider = Palveluntuottajan vastaus
review-edited = muokattu
review-edited-on = muokattu { $date }
review-stars = { $stars } / 5 tähteä
review-stars-count = { $stars ->
    [one] 1 tähti
   *[other] { $stars } tähteä
}
report-title = Ilmoita arviosta
report-heading = Ilmoita arviosta
report-intro = Kerro, mikä arviossa on vialla. Hyvinvointialueen valvoja lukee ilmoituksesi. Sinun ei tarvitse kirjautua.
report-reason = Mikä arviossa on vialla?
report-reason-hint = Esimerkiksi: siinä mainitaan ihmisen nimi, se on mainos tai se on loukkaava.
report-submit = Lähetä ilmoitus
review-title = Miten meni?
review-heading = Miten meni?
review-intro = Kerro muille asiakkaille, millainen palvelu oli. Arviosi on julkinen, mutta nimesi ei näy.
review-editing-note = Olet jo arvioinut tämän palvelun. Voit muuttaa arviotasi 30 päivän ajan sen kirjoittamisesta.
review-not-yet = Voit arvioida palvelun, kun palveluntuottaja on kirjannut sinulle annetun palvelun.
review-locked = Arvion kirjoittamisesta on yli 30 päivää, joten sitä ei voi enää muuttaa.
review-stars-label = Montako tähteä annat?
review-stars-hint = 1 tähti on tosi huono, 5 tähteä on erinomainen.
review-stars-choose = Valitse tähdet
review-stars-1 = tosi huono
review-stars-2 = huono
review-stars-3 = kohtalainen
review-stars-4 = hyvä
review-stars-5 = erinomainen
review-text-label = Kerro palvelusta omin sanoin
review-text-hint = Enintään 2 000 merkkiä. Älä kirjoita nimiä, puhelinnumeroita, sähköpostiosoitteita tai verkko-osoitteita.
review-submit = Tallenna arvio
review-how-did-it-go = Miten meni? Arvioi palvelu
my-reviews-title = Omat arvioni
my-reviews-heading = Omat arvioni
my-reviews-intro = Kirjoittamasi arviot. Muut näkevät ne ilman nimeäsi.
my-reviews-none = Et ole vielä kirjoittanut arvioita.
review-hidden-note = Valvoja on piilottanut tämän arvion. Muut eivät näe sitä.
review-hidden-why = Syy:
review-public-note = Tämä arvio on julkinen.
review-edit-link = Muuta arviota
provider-reviews-title = Arviot
provider-reviews-heading = Arviot palveluistanne
provider-reviews-intro = Voitte vastata jokaiseen arvioon kerran. Vastaus näkyy arvion alla, ja voitte muuttaa sitä myöhemmin.
provider-reviews-all = Näytä kaikki arviot
provider-reviews-unanswered = Näytä vain arviot, joihin ei ole vastattu
provider-reviews-none = Ei näytettäviä arvioita.
reply-label = Vastauksenne
reply-edit-label = Muuta vastaustanne
reply-hint = Vastatkaa kohteliaasti älkääkä mainitko asiakkaan nimeä. Ei puhelinnumeroita, sähköposti- tai verkko-osoitteita.
reply-send = Lähetä vastaus
reply-save = Tallenna vastaus
moderation-title = Arvioiden valvonta
moderation-heading = Ilmoitetut arviot
moderation-intro = Valikoimanne palveluiden arviot, joista joku on ilmoittanut. Piilota sääntöjä rikkova arvio tai pidä se näkyvissä. Kirjoita aina syy: piilotetun arvion kirjoittaja näkee sen.
moderation-show-hidden = Näytä piilotetut arviot
moderation-show-reported = Näytä ilmoitetut arviot
moderation-none = Ei ilmoitettuja arvioita.
moderation-none-hidden = Ei piilotettuja arvioita.
moderation-reports = Ilmoitukset
moderation-reason = Päätöksesi syy
moderation-reason-hint = Arvion kirjoittaja näkee syyn, jos piilotat arvion.
moderation-hide = Piilota arvio
moderation-keep = Pidä näkyvissä
moderation-keep-hidden = Pidä piilotettuna
moderation-restore = Palauta näkyviin
moderation-edited-after-hiding = Kirjoittaja muutti arviota piilottamisen jälkeen ja pyytää tarkistamaan sen uudelleen.
field-error-stars = Valitse 1–5 tähteä.
field-error-text = Kirjoita arviosi (enintään 2 000 merkkiä).
error-review-has-link = Arviossa ei voi olla linkkejä tai verkko-osoitteita. Poista ne ja yritä uudelleen.
error-review-has-email = Arviossa ei voi olla sähköpostiosoitteita. Poista ne ja yritä uudelleen.
error-review-has-phone = Arviossa ei voi olla puhelinnumeroita. Poista ne ja yritä uudelleen.
error-review-has-personal-id = Arviossa ei voi olla henkilötunnuksia. Poista ne ja yritä uudelleen.
error-review-exists = Olet jo arvioinut tämän palvelun. Voit muuttaa sitä arviota.
error-too-many-reviews = Voit kirjoittaa enintään 5 arviota päivässä. Yritä huomenna uudelleen.
error-no-recorded-delivery = Voit arvioida palvelun, kun palveluntuottaja on kirjannut sinulle annetun palvelun.
error-edit-window-closed = Arviota voi muuttaa 30 päivän ajan sen kirjoittamisesta.
error-already-replied = Olette jo vastanneet. Voitte muuttaa vastaustanne.
error-no-reply = Muutettavaa vastausta ei vielä ole.
error-review-hidden = Arvio on piilotettu, joten siihen ei voi vastata.
error-already-hidden = Arvio on jo piilotettu.
error-not-hidden = Arvio ei ole piilotettu.
error-nothing-to-keep = Tästä arviosta ei ole käsittelemättömiä ilmoituksia.

## Billing details
field-iban = Tilinumero (IBAN)
field-iban-hint = Laskut maksetaan tälle tilille, esimerkiksi FI21 1234 5600 0007 85.
field-bic = Pankin BIC-tunnus
field-bic-hint = Esimerkiksi NDEAFIHH. Kysy pankista, jos et ole varma.
field-vat-rate = Arvonlisävero (%)
field-vat-rate-hint = Sosiaalipalvelut ovat arvonlisäverottomia: jätä tyhjäksi. Muille palveluille kirjoita voimassa oleva verokanta, esimerkiksi 25,5.
col-vat = ALV
field-error-iban = Tarkista tilinumero. Sen pitää olla oikea IBAN, esimerkiksi FI21 1234 5600 0007 85.
field-error-bic = Tarkista BIC-tunnus. Siinä on 8 tai 11 kirjainta ja numeroa, esimerkiksi NDEAFIHH.
field-error-vat-rate = Kirjoita arvonlisävero prosentteina, esimerkiksi 25,5. Sosiaalipalveluille jätä tyhjäksi.

## Monthly statements and late recording (issue #6)
nav-statement = Kuukausiote
nav-recording = Myöhäiset kirjaukset
print = Tulosta
statement-link = Kuukausiote
statement-title = Kuukausiote
statement-heading = { $kind }: ote kuukaudelta { $month }
statement-choose-month = Valitse kuukausi
statement-month-hint = Esimerkiksi 2026-11 (vuosi ja kuukausi).
statement-show = Näytä
statement-opening = Rahaa kuukauden alussa
statement-movements = Mitä kuukauden aikana tapahtui
statement-no-movements = Rahoillesi ei tapahtunut tässä kuussa mitään.
statement-closing = Rahaa kuukauden lopussa
statement-closing-now = Rahaa nyt
statement-own-shares = Omavastuusi
statement-own-shares-explained = Maksat omavastuun itse palveluntuottajalle. Sitä ei oteta rahoistasi.
statement-no-own-shares = Sinulla ei ole omavastuita tässä kuussa.
statement-own-shares-total = Omavastuut yhteensä
statement-reason-voided = palveluntuottaja perui palvelun
statement-reason-dispute-upheld = valituksesi hyväksyttiin
statement-service-on = { $title }, palvelu { $date }
statement-not-invoiced = Ei vielä laskutettu
statement-invoice-number = Lasku { $number }
statement-invoiced-and-credited = Lasku { $number }, hyvityslasku { $n }
provider-statement-title = Kuukausiote
provider-statement-heading = Kuukausiote
provider-statement-summary = Yhteenveto
provider-statement-recorded = Kirjatut palvelut
provider-statement-client-shares = Asiakkaiden omavastuut
provider-statement-invoiced = Laskutettu
provider-statement-not-invoiced = Ei vielä laskutettu
provider-statement-deliveries = { $count ->
    [one] 1 palvelu
   *[other] { $count } palvelua
}
provider-statement-recorded-total = Kirjatut palvelut yhteensä
provider-statement-invoices = Laskut ja hyvityslaskut
provider-statement-no-invoices = Tältä kuukaudelta ei ole vielä laskuja.
invoice-kind-invoice = Lasku
invoice-kind-supplementary = Täydennyslasku
invoice-kind-credit-note = Hyvityslasku
col-invoice = Lasku
col-number = Numero
col-kind = Laji
col-issued = Päiväys
col-due = Eräpäivä
col-files = Tiedostot
recording-title = Myöhäiset kirjaukset
recording-heading = Palvelujen kirjaaminen ajallaan
recording-rule = { $count ->
    [one] Palveluntuottajan pitää kirjata palvelu 1 päivän kuluessa palvelupäivästä.
   *[other] Palveluntuottajan pitää kirjata palvelu { $count } päivän kuluessa palvelupäivästä.
}
field-recording-days = Päiviä palvelun kirjaamiseen
field-recording-days-hint = Kokonaisluku 1–90.
field-error-recording-days = Kirjoita päivien määrä kokonaislukuna 1–90.
notice-recording-days-saved = Päivien määrä tallennettiin.
recording-overdue-heading = Myöhässä olevat palveluntuottajat
recording-overdue-explained = { $count ->
    [one] Tilaukset, joille ei ole kirjattu palvelua viimeisen päivän aikana, ja palvelut, jotka on kirjattu yli 1 päivä palvelupäivän jälkeen viimeisen 90 päivän aikana.
   *[other] Tilaukset, joille ei ole kirjattu palvelua viimeisen { $count } päivän aikana, ja palvelut, jotka on kirjattu yli { $count } päivää palvelupäivän jälkeen viimeisen 90 päivän aikana.
}
recording-none = Kukaan palveluntuottaja ei ole myöhässä.
col-provider = Palveluntuottaja
col-silent-commitments = Tilauksia ilman kirjauksia
col-silent-since = Ei kirjauksia alkaen
col-late-deliveries = Myöhässä kirjatut palvelut
col-oldest-case = Vanhin myöhäinen palvelu
recording-oldest-case = { $date }, { $count ->
    [one] 1 päivä myöhässä
   *[other] { $count } päivää myöhässä
}

## Laskutus ja talous
nav-settlement = Laskutus
nav-finance = Talous ja raportit
settlement-title = Laskutus
settlement-heading = Palveluntuottajien laskutus
settlement-intro = Asiakkaillenne annetuista palveluista tehdään joka kuukausi yksi lasku kullekin palveluntuottajalle. Mitään ei laskuteta kahdesti. Myöhemmin kirjatut palvelut tulevat lisälaskulle.
settlement-waiting-heading = Odottaa laskutusta
settlement-waiting-none = Tältä kuukaudelta ei odota mitään.
settlement-waiting-caption = Laskuttamattomat palvelut palveluntuottajittain
settlement-ready = Valmis laskutettavaksi
settlement-to-credit = Peruttu laskutuksen jälkeen: tulee hyvityslaskulle
settlement-missing-bank-details = Ei voi laskuttaa: palveluntuottaja ei ole antanut pankkitietojaan
settlement-bank-changed = Tilitiedot muuttuivat { $date } — tarkista ennen maksua
settlement-invoices-heading = Tämän kuukauden laskut
settlement-invoices-none = Tältä kuukaudelta ei ole vielä laskuja.
settlement-invoices-caption = Laskut ja hyvityslaskut
settlement-month-csv = Kuukauden kaikki laskurivit (CSV kirjanpitoon)
notice-settled = Laskut on tehty.
col-deliveries = Annetut palvelut
col-amount = Summa
col-due-date = Eräpäivä
col-month = Kuukausi
col-service = Palvelu
col-commitments = Tilaukset
col-reserved = Varattu
total-row = Yhteensä
finance-title = Talous ja raportit
finance-heading = Talous ja raportit
books-heading = Täsmäävätkö kirjanpidon luvut?
books-ok = Kaikki täsmää. Tarkistettiin { $count } päätöstä ja { $n } laskua.
books-bad = Jokin ei täsmää. Tarkistettiin { $count } päätöstä ja { $n } laskua. Ota yhteys järjestelmän ylläpitäjään.
books-explained = Jokaisen saldon pitää olla sama kuin sen kirjausten summa, ja jokainen palvelu saa olla laskulla vain kerran.
books-problem-balance = Päätöksen { $name } saldo ei ole sama kuin sen kirjausten summa.
books-problem-twice = Palvelu { $name } on useammalla kuin yhdellä laskulla.
books-problem-mark = Palvelu { $name } on merkitty laskutetuksi, mutta laskurivi ei täsmää.
books-problem-total = Laskun { $name } summa ei ole sen rivien summa.
spend-heading = Kulut
spend-show = Näytä
spend-by-month = Kulut kuukausittain
spend-by-service = Kulut palveluittain
spend-by-provider = Kulut palveluntuottajittain
field-from-month = Alkaen kuukaudesta
field-to-month = Päättyen kuukauteen
reservations-heading = Tilauksille varattu raha
reservations-none = Rahaa ei ole nyt varattu.
reservations-caption = Varattu raha palveluntuottajittain ja palveluittain

## API keys and uploading deliveries (#6)
nav-upload = Tuo toteutumat tiedostosta
nav-api-keys = Rajapinta-avaimet
api-keys-title = Rajapinta-avaimet
api-keys-heading = Rajapinta-avaimet
api-keys-intro = Rajapinta-avaimella toimipaikkasi tai toiminnanohjausjärjestelmäsi voi kirjata toteutuneita palveluja suoraan Valintaan. Avain toimii vain toteutuneiden palvelujen kirjaamiseen ja katsomiseen. Tee jokaiselle toimipaikalle oma avain.
api-keys-create-heading = Tee uusi avain
api-keys-create = Tee avain
api-keys-list-heading = Avaimet
api-keys-none = Sinulla ei ole vielä avaimia.
api-keys-never-used = Ei vielä käytetty
api-key-created = Uusi avain toimipaikalle { $name }
api-key-copy-now = Kopioi avain nyt. Näytämme sen vain tämän kerran. Jos avain katoaa, tee uusi ja poista vanha käytöstä.
api-key-label = Avain
api-key-how = Järjestelmä lähettää avaimen jokaisen pyynnön otsakkeessa: Authorization: Bearer ja avain.
api-key-active = Käytössä
api-key-revoked-at = Poistettu käytöstä { $date }
api-key-revoke = Poista käytöstä
api-key-revoke-title = Poista avain käytöstä
api-key-revoke-heading = Poistetaanko avain käytöstä?
api-key-revoke-warning = Avain lakkaa toimimasta heti. Järjestelmä, joka käyttää sitä, ei voi enää kirjata palveluja. Tätä ei voi perua.
api-key-revoke-confirm = Poista avain käytöstä
api-key-keep = Älä poista
back-to-api-keys = Takaisin avaimiin
notice-api-key-revoked = Avain on poistettu käytöstä.
col-key-prefix = Avaimen alku
col-created = Tehty
col-created-by = Tekijä
col-last-used = Viimeksi käytetty
field-site = Toimipaikka tai järjestelmä
field-site-hint = Esimerkiksi "Kallion toimipiste" tai "toiminnanohjaus". Tästä tunnistat avaimen.
field-error-site = Kirjoita toimipaikan tai järjestelmän nimi (enintään 100 merkkiä).
upload-title = Tuo toteutumat tiedostosta
upload-heading = Tuo toteutuneet palvelut tiedostosta
upload-intro = Voit kirjata monta toteutunutta palvelua kerralla CSV-tiedostolla. Tallenna taulukko CSV-muodossa. Jokaisella rivillä on sitoumuksen numero, päivämäärä, määrä, yksikköhinta ja oma viitteesi. Tarkistamme jokaisen rivin ennen kirjaamista.
upload-template-link = Lataa mallitiedosto (CSV)
upload-submit = Tuo tiedosto
upload-report-heading = Tuonnin tulos
upload-report-caption = Tiedoston rivit
upload-outcome-recorded = Kirjattiin { $count } riviä, yhteensä { $value }.
upload-outcome-nothing = Mitään ei kirjattu, koska { $count } riviä hylättiin. Korjaa rivit ja tuo tiedosto uudelleen.
upload-rows-hidden = { $count ->
    [one] Lisäksi 1 rivi kirjattiin tai oli jo kirjattu.
   *[other] Lisäksi { $count } riviä kirjattiin tai oli jo kirjattu.
}
upload-status-accepted = Kirjattu
upload-status-valid = Kunnossa, ei kirjattu
upload-status-duplicate = Oli jo kirjattu
upload-status-refused = Hylätty
upload-row-column = Sarake { $name }: { $value }
upload-row-not-found = Sitoumusta ei löydy, tai se ei ole teidän.
upload-row-duplicate-in-file = Sama viite on tiedostossa kahdesti.
upload-row-invalid-field = Arvo ei kelpaa.
upload-row-overdraw = Asiakkaan rahat eivät riitä tähän.
upload-row-wrong-status = Sitoumus ei ole voimassa.
upload-row-idempotency-conflict = Tällä viitteellä on jo kirjattu eri tiedot.
upload-open-heading = Voimassa olevat sitoumukset
upload-open-intro = Kirjoita tiedostoon sitoumuksen numero tästä taulukosta.
upload-open-none = Sinulla ei ole voimassa olevia sitoumuksia.
col-line = Rivi
col-result = Tulos
col-why = Syy
col-commitment-number = Sitoumuksen numero
field-file = CSV-tiedosto
field-file-hint = Sarakkeet: commitment, date, quantity, unit_price, reference. Erottimena puolipiste tai pilkku. Desimaalipilkku käy.
field-all-or-nothing = Kirjaa vain, jos kaikki rivit ovat kunnossa
field-all-or-nothing-hint = Jos yksikin rivi hylätään, mitään ei kirjata.
field-error-file = Valitse CSV-tiedosto, jossa on otsikkorivi ja toteutuneet palvelut.
error-missing-columns = Tiedostosta puuttuu sarakkeita. Ensimmäisellä rivillä pitää olla sarakkeet commitment, date, quantity, unit_price ja reference.
error-duplicate-column = Tiedostossa on sama sarake kahdesti.
error-empty-file = Tiedosto on tyhjä tai siinä on vain otsikkorivi.
error-not-csv = Tiedosto ei ole CSV-tiedosto. Tallenna taulukko CSV-muodossa.
error-bad-encoding = Tiedoston merkistöä ei tunnistettu. Tallenna se CSV-muodossa (UTF-8).
error-too-many-rows = Tiedostossa on liikaa rivejä. Jaa se pienempiin tiedostoihin.
error-no-file = Valitse ensin tiedosto.

## Emails: notification choices and the outbox
nav-notifications = Sähköpostit minulle
nav-emails = Lähtevät sähköpostit
notifications-title = Mitä sähköposteja saan
notifications-heading = Mitä sähköposteja haluat saada
notifications-intro = Valitse, mistä asioista saat sähköpostia. Voit muuttaa valintoja milloin tahansa.
notifications-always-heading = Nämä viestit tulevat aina
notifications-always = Saat aina viestin päätöksistä, rahasta ja laskuista, riidoista sekä asioista, jotka odottavat sinun toimiasi. Niitä ei voi ottaa pois, koska ne koskevat oikeuksiasi tai rahaa.
notice-notifications-saved = Valinnat tallennettu.
choice-each = Jokaisesta erikseen
choice-on = Kyllä
choice-weekly = Kerran viikossa koosteena
choice-off = Ei
topic-deliveries = Kirjatut palvelut
topic-deliveries-hint = Viesti, kun palveluntuottaja kirjaa palvelun ja saldo muuttuu.
topic-commitments = Palvelutilaukset
topic-commitments-hint = Viesti, kun tilaus hyväksytään, hylätään tai päättyy.
topic-reminders = Muistutukset
topic-reminders-hint = Muistutus, kun saldo on vähissä, päätös on päättymässä tai kirjauksia puuttuu.
topic-reviews = Ilmoitetut arviot
topic-reviews-hint = Viesti moderaattorille, kun joku ilmoittaa arviosta.
emails-title = Lähtevät sähköpostit
emails-heading = Lähtevät sähköpostit
emails-intro = Tässä ovat lähtevät ja lähetetyt viestit. Epäonnistuneen viestin voi lähettää uudelleen.
emails-filter = Näytä viestit
emails-all = Kaikki
email-status-pending = Odottaa
email-status-sending = Lähtemässä
email-status-sent = Lähetetty
email-status-failed = Epäonnistui
emails-none = Ei viestejä.
col-to = Vastaanottaja
col-attempts = Yrityksiä
col-error = Virhe
email-retry = Lähetä uudelleen
notice-email-retried = Viesti lähetetään uudelleen.
outbox-heading = Kehityksen postilaatikko
outbox-intro = SMTP-palvelinta ei ole asetettu, joten viestit tallennetaan kansioon { $folder }.
outbox-empty = Kansiossa ei ole vielä viestejä.
outbox-back = Takaisin lähteviin sähköposteihin
outbox-pager-label = Postilaatikon kansion sivut

## Accounts and passwords
nav-users = Käyttäjätilit
nav-password = Vaihda salasana
forgot-link = Unohditko salasanan?
forgot-title = Unohtunut salasana
forgot-intro = Kirjoita sähköpostiosoitteesi. Jos osoitteella on käyttäjätili, lähetämme siihen linkin, jolla voit valita uuden salasanan. Linkki toimii 30 minuuttia.
forgot-submit = Lähetä linkki
notice-reset-sent = Jos osoitteella on käyttäjätili, lähetimme siihen linkin. Katso sähköpostisi.
set-password-title = Valitse salasana
set-password-intro = Valitse itsellesi salasana. Sen jälkeen voit kirjautua sisään sähköpostiosoitteellasi ja tällä salasanalla.
set-password-submit = Tallenna salasana
notice-password-set = Salasana on tallennettu. Voit nyt kirjautua sisään.
change-password-title = Vaihda salasana
change-password-intro = Kun vaihdat salasanan, kirjaudut ulos kaikilla muilla laitteilla.
change-password-submit = Vaihda salasana
notice-password-changed = Salasana on vaihdettu. Muut laitteet on kirjattu ulos.
field-new-password = Uusi salasana
field-current-password = Nykyinen salasana
field-error-new-password = Salasanan pitää olla vähintään 10 merkkiä.
field-error-current-password = Nykyinen salasana on väärin.
error-invalid-token = Linkki on jo käytetty tai vanhentunut. Pyydä uusi linkki sivulta "Unohditko salasanan?".
error-too-many = Liian monta yritystä. Odota hetki ja yritä sitten uudelleen.
error-own-account = Et voi sulkea omaa käyttäjätiliäsi.
users-title = Käyttäjätilit
users-search = Hae nimellä tai sähköpostilla
users-count = { $count ->
    [one] { $count } käyttäjätili
   *[other] { $count } käyttäjätiliä
}
col-roles = Roolit
user-active = Käytössä
user-inactive = Suljettu
user-deactivate = Sulje tili
user-reactivate = Avaa tili
notice-user-deactivated = Käyttäjätili on suljettu. Henkilö on kirjattu ulos.
notice-user-reactivated = Käyttäjätili on avattu.
role-admin = ylläpitäjä
role-catalogue-manager = palveluvalikoiman hoitaja
role-case-worker = sosiaalityöntekijä
role-finance = talous
role-moderator = arvioiden valvoja
role-provider-staff = palveluntuottaja
role-client = asiakas
role-proxy = puolesta asioija

## The catalogue over time and the income-related voucher value
catalogue-archived = Arkistoitu { $date }
catalogue-open-entry = avaa palvelun sivu
back-to-catalogue = Takaisin palveluvalikoimaan
back-to-service = Takaisin palveluun
service-title = Palvelu
service-archived-on = Arkistoitu { $date }. Palvelua ei voi enää tilata, eikä sille voi lisätä uusia palveluja. Käynnissä olevat tilaukset jatkuvat.
service-history-heading = Hinnat ja ehdot ajan mittaan
service-history-intro = Jokainen rivi kertoo, mitkä rahaan liittyvät ehdot olivat voimassa minäkin päivinä. Palvelu maksetaan aina sen päivän ehdoilla, jona se annettiin.
col-valid-from = Alkaen
col-valid-to = Päättyen
col-changed = Muuttui
terms-in-force = voimassa nyt
terms-first = ensimmäiset ehdot
terms-coming = tulossa
income-rule-heading = Tuloihin sidottu setelin arvo
income-rule-summary = enintään { $max }, vähintään { $min }; { $percent } % tulorajan ylittävistä tuloista jaettuna { $units } yksikölle kuukaudessa; tulorajat { $limits }
service-edit-heading = Muuta palvelua
service-edit-intro = Nimi ja sääntökirja muuttuvat heti. Rahaan liittyvät ehdot muuttuvat valitsemastasi päivästä alkaen: sitä ennen annetut palvelut maksetaan vanhoilla ehdoilla.
service-save = Tallenna muutokset
service-archive-heading = Arkistoi palvelu
service-archive-explain = Arkistoitua palvelua ei voi enää tilata eikä myöntää, eikä sille voi lisätä uusia palveluja. Palvelu poistuu hausta. Käynnissä olevat tilaukset jatkuvat, ja niihin voi kirjata palveluja.
service-archive-button = Arkistoi palvelu…
service-archive-title = Arkistoi palvelu
service-archive-confirm-heading = Haluatko varmasti arkistoida palvelun?
service-archive-confirm = Kyllä, arkistoi palvelu
service-archive-keep = Älä arkistoi
field-reference-price = Viitehinta
field-terms-valid-from = Rahaehdot voimassa alkaen
field-terms-valid-from-hint = Tänään tai myöhemmin. Koskee setelin arvoa, enimmäishintaa, viitehintaa, arvonlisäveroa, maksutapoja ja tuloihin sidottua arvoa.
field-income-rule-hint = Täytä nämä viisi kohtaa vain, jos setelin arvo riippuu asiakkaan tuloista. Muuten jätä ne tyhjiksi.
field-income-max = Tuloihin sidottu arvo: suurin arvo (€)
field-income-min = Tuloihin sidottu arvo: pienin arvo (€)
field-income-percent = Tulorajan ylittävistä tuloista otetaan huomioon (%)
field-income-units = Yksiköitä kuukaudessa
field-income-limits = Tulorajat kuukaudessa talouden koon mukaan (€)
field-income-limits-hint = Yksi raja riville: ensin yhden hengen talous, sitten kahden hengen ja niin edelleen. Viimeinen raja koskee myös suurempia talouksia.
field-household-size = Talouden koko (henkeä)
field-monthly-income = Talouden tulot kuukaudessa (€)
field-income-instead-hint = Jos palvelun setelin arvo riippuu tuloista, täytä nämä kaksi setelin arvon sijaan. Arvo lasketaan päätöksen alkamispäivän säännöllä.
voucher-value-income-related = riippuu tuloista
voucher-basis-heading = Näin setelisi arvo laskettiin
notice-service-changed = Muutokset on tallennettu.
notice-service-unchanged = Mitään ei muutettu.
notice-service-archived = Palvelu on arkistoitu.
error-service-archived = Palvelu on arkistoitu. Sitä ei voi enää tilata eikä muuttaa.
error-no-income-rule = Tämän palvelun setelin arvo ei riipu tuloista.
field-error-reference-price = Kirjoita viitehinta euroina, esimerkiksi 38,50.
field-error-income-max = Kirjoita suurin arvo euroina. Jos setelin arvo ei riipu tuloista, jätä kaikki viisi kohtaa tyhjiksi.
field-error-income-min = Kirjoita pienin arvo euroina. Se ei voi olla suurempi kuin suurin arvo.
field-error-income-percent = Kirjoita prosentti väliltä 0–100.
field-error-income-units = Kirjoita yksiköiden määrä kuukaudessa. Sen pitää olla enemmän kuin 0.
field-error-income-limits = Kirjoita ainakin yksi tuloraja euroina, yksi riville.
field-error-household-size = Kirjoita talouden koko numerona, esimerkiksi 2. Täytä joko talouden koko ja tulot tai setelin arvo.
field-error-monthly-income = Kirjoita tulot euroina, esimerkiksi 2400,00. Täytä joko talouden koko ja tulot tai setelin arvo.
field-error-body = Et muuttanut mitään.
# Issue 15.7: invoices an operator accepts
cancel = Peruuta
col-net = Veroton
col-gross = Verollinen
field-einvoice-address = Verkkolaskuosoite
field-einvoice-address-hint = OVT-tunnus, esimerkiksi 003712345671, tai IBAN-muotoinen osoite. Jätä tyhjäksi, jos ei ole.
field-einvoice-operator = Välittäjätunnus
field-einvoice-operator-hint = Verkkolaskuoperaattorin tunnus, esimerkiksi 003721291126 tai NDEAFIHH.
field-error-einvoice-address = Tarkista verkkolaskuosoite: OVT-tunnus (0037 ja Y-tunnuksen numerot) tai IBAN.
field-error-einvoice-operator = Tarkista välittäjätunnus: 2–35 kirjainta ja numeroa, esimerkiksi 003721291126.
error-preview-changed = Laskutettavat palvelut muuttuivat esikatselun jälkeen. Tarkista uudet luvut ja vahvista uudelleen.
einvoice-heading = Verkkolaskutusosoitteemme
einvoice-intro-purchaser = Kun sekä te että palveluntuottaja olette antaneet verkkolaskuosoitteen ja välittäjätunnuksen, Finvoice-laskussa on valmiit reititystiedot operaattorille.
settlement-check = Tarkista laskut ennen niiden tekemistä ({ $month })
settlement-preview-title = Laskutuksen esikatselu
settlement-preview-heading = Tarkista ennen laskutusta
settlement-preview-intro = Nämä laskut ja hyvityslaskut tehdään, kun vahvistat. Mitään ei ole vielä laskutettu.
settlement-preview-invoices = Laskuja
settlement-preview-credit-notes = Hyvityslaskuja
settlement-preview-waiting = Jää odottamaan
settlement-preview-caption = Tehtävät laskut palveluntuottajittain
settlement-preview-supplementary = Valmis: tulee lisälaskulle
settlement-confirm = Vahvista ja tee { $count ->
    [one] 1 lasku
   *[other] { $count } laskua
} ja { $n ->
    [one] 1 hyvityslasku
   *[other] { $n } hyvityslaskua
}
settlement-back = Takaisin laskutukseen
invoice-open = (avaa lasku)
invoice-finvoice-link = Finvoice-verkkolasku (XML)
invoice-csv-link = Laskurivit (CSV)
invoice-back = Takaisin
invoice-credit-note-intro = Hyvityslasku palauttaa peruttujen tai kiistettyjen palvelujen summat. Summat ovat negatiivisia.
invoice-supplementary-intro = Lisälasku: palvelut, jotka kirjattiin kuukauden ensimmäisen laskun jälkeen.
invoice-seller = Myyjä
invoice-buyer = Ostaja
invoice-reference = Viitenumero
invoice-to-pay = Maksettava
invoice-rows = Laskurivit
invoice-rows-explained = Jokaisella rivillä: määrä × yksikköhinta = hinta yhteensä. Siitä vähennetään asiakkaan omavastuu; loppu on ostajan osuus, jonka ostaja maksaa. Ostajan osuus = veroton + ALV.
invoice-rows-caption = Laskun rivit, lasku
invoice-unit-price = Yksikköhinta (sis. ALV)
invoice-vat-rate = ALV-%
invoice-vat-excluded-short = veroton
invoice-sum = Yhteensä
invoice-totals = Yhteenveto
invoice-vat-caption = Verot verokannoittain
invoice-original = Hyvittää laskun { $number } ({ $date })
