# Long lists in pages, and whose matter each row is (issue #16).
pager-label = Sivut
pager-previous = Edellinen sivu
pager-next = Seuraava sivu
pager-status = Sivu { $page } / { $pages } ({ $total } { $total ->
    [one] rivi
   *[other] riviä
  })
commitments-waiting-heading = Odottavat vastaustasi
commitments-all-heading = Kaikki tilaukset
record-for-client = Kirjaa: { $client } – { $title }
clients-search-label = Hae asiakasta
clients-search-hint = Nimi tai sen osa, tai koko henkilötunnus.
clients-search-button = Hae
clients-search-clear = Näytä kaikki asiakkaat
clients-found = { $count ->
    [0] Yhtään asiakasta ei löytynyt.
    [one] Löytyi yksi asiakas.
   *[other] Löytyi { $count } asiakasta.
  }
statement-client-code = Asiakkaan tunnus laskulla
cancel-order-title = Peru tilaus
close-order-title = Lopeta tilaus
cancel-order-heading = Perutaanko tilaus?
close-order-heading = Lopetetaanko tilaus?
cancel-order-explained = Palveluntuottaja ei ole vielä vahvistanut tilausta. Jos perut sen, tilaukselle varattu raha palaa käytettäväksi.
close-order-explained = Palveluntuottaja ei voi enää kirjata tähän tilaukseen uusia palveluita. Tilaukselle varattu raha palaa käytettäväksi. Jo kirjatut palvelut pysyvät.
cancel-order-submit = Peru tilaus
cancel-order-submit-for = Peru tilaus asiakkaalle { $name }
close-order-submit = Lopeta tilaus
close-order-submit-for = Lopeta tilaus asiakkaalle { $name }
end-order-keep = Älä muuta mitään
cancel-order-link = Peru tilaus
close-order-link = Lopeta tilaus
notice-order-cancelled = Tilaus on peruttu. Varattu raha palasi käytettäväksi.
notice-order-closed = Tilaus on lopetettu. Varattu raha palasi käytettäväksi.
