# Suunnitelmat (issue #17): suunnitelman päättäminen ja suunnitelmien raportti.

## Suunnitelman tila ja elämän osa-alueet
plan-extra-status = Tila
plan-extra-status-draft = Luonnos
plan-extra-status-decided = Päätetty
plan-extra-status-closed = Päättynyt
plan-extra-status-cancelled = Peruttu
plan-extra-decision-due = Päätös viimeistään
plan-extra-decision-number = Päätöksen numero
plan-extra-area-home = Koti
plan-extra-area-work = Työ
plan-extra-area-learning = Opiskelu
plan-extra-area-leisure = Vapaa-aika
plan-extra-area-health = Terveys
plan-extra-area-relationships = Ihmissuhteet

## Suunnitelman päättäminen tai peruminen
plan-extra-back-to-plan = Takaisin suunnitelmaan
plan-extra-close-title = Päätä suunnitelman seuranta
plan-extra-close-heading = Päätetäänkö suunnitelman seuranta?
plan-extra-close-what = Suunnitelman seuranta päättyy nyt. Suunnitelmaa, tavoitteita ja arvioita ei voi enää muuttaa. Päätös ja sen raha pysyvät ennallaan.
plan-extra-close-choice = Päätä seuranta (suunnitelma on päätetty)
plan-extra-close-button = Päätä seuranta nyt
plan-extra-cancel-title = Peru suunnitelma
plan-extra-cancel-heading = Perutaanko suunnitelma?
plan-extra-cancel-what = Suunnitelmasta ei tehdä päätöstä. Suunnitelmaa, tavoitteita ja arvioita ei voi enää muuttaa. Asiakkaan vastaukset säilyvät.
plan-extra-cancel-choice = Peru suunnitelma (siitä ei ole vielä päätöstä)
plan-extra-cancel-button = Peru suunnitelma nyt
plan-extra-ending = Mitä tehdään
plan-extra-ending-hint = Päätetyn suunnitelman seuranta päätetään. Luonnos perutaan.
plan-extra-reason = Syy
plan-extra-reason-hint = Kirjoita syy, jonka asiakas ymmärtää. Enintään { $max } merkkiä.
plan-extra-keep = Älä muuta, takaisin suunnitelmaan
notice-plan-extra-closed = Suunnitelman seuranta on päätetty.
notice-plan-extra-cancelled = Suunnitelma on peruttu.

## Suunnitelmien raportti
plan-extra-nav-report = Suunnitelmat: raportti
plan-extra-report-title = Suunnitelmien raportti
plan-extra-report-heading = Suunnitelmat: päätösten nopeus ja tavoitteet
plan-extra-report-intro = Luvut koskevat suunnitelmia, joissa tarve on todettu valittuna aikana. Asiakkaiden nimiä ei näytetä.
plan-extra-report-from = Tarve todettu alkaen
plan-extra-report-to = Tarve todettu asti
plan-extra-report-show = Näytä
plan-extra-report-timeliness = Tarpeesta päätökseen
plan-extra-report-plans = Suunnitelmia
plan-extra-report-decided = Päätettyjä
plan-extra-report-median = Tarpeesta päätökseen (mediaani)
plan-extra-report-days = { $count } päivää
plan-extra-report-in-time = Päätetty kolmessa kuukaudessa
plan-extra-report-in-time-value = { $percent } % ({ $count } kpl)
plan-extra-report-in-time-hint = Osuus lasketaan päätetyistä suunnitelmista ja luonnoksista, joiden määräaika on jo mennyt.
plan-extra-report-overdue = Myöhässä nyt
plan-extra-report-cancelled = Peruttuja
plan-extra-report-evaluations = Tavoitteiden arvioita
plan-extra-report-none = ei vielä
plan-extra-report-goals = Tavoitteet elämän osa-alueittain
plan-extra-report-goals-caption = Tavoitteet, arvioidut tavoitteet ja viimeisimpien arvioiden keskiarvo (1–5)
plan-extra-col-area = Osa-alue
plan-extra-col-goals = Tavoitteita
plan-extra-col-evaluated = Arvioituja
plan-extra-col-average = Keskiarvo
