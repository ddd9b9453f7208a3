# The respondent's pages: the anonymity promise, the form, and the one-message pages.
# Placeables: $k and $c are the anonymity thresholds; $date is a date as `date-long` writes it, $tz a time zone name.

survey-promise-title = Je antwoorden zijn anoniem
survey-promise-nobody = Niemand die ctopulse gebruikt — de beheerder van de enquête, de CTO of de raad van bestuur — kan zien wat jij hebt geantwoord. We weten dát je hebt geantwoord (dan krijg je geen herinneringen meer), nooit wát.
survey-promise-groups = Uitkomsten worden pas getoond als de enquête gesloten is, en alleen voor groepen van minstens { $k ->
    [one] { $k } persoon.
   *[other] { $k } mensen.
}
survey-promise-unanimous = Uitkomsten zijn groepstotalen: als iedereen in een groep hetzelfde antwoordt, is dat aan het totaal te zien.
survey-promise-comments = Opmerkingen worden alleen getoond voor groepen van minstens { $c ->
    [one] { $c } persoon,
   *[other] { $c } mensen,
} in willekeurige volgorde en zonder namen. Laat details weg waaraan je herkend kunt worden.
survey-promise-strict = De strikte modus staat aan, zoals afgesproken met de ondernemingsraad: de raad van bestuur ziet nooit opmerkingen, en alleen de beheerder van de enquête ziet hoeveel mensen per groep hebben geantwoord.
survey-required-note = Vragen met een * moet je beantwoorden.
survey-optional = optioneel
survey-not-applicable = n.v.t.
survey-submit = Verstuur mijn antwoorden
survey-errors-title = Controleer deze antwoorden
survey-error-prefix = Fout:
survey-problem-required = Kies een antwoord.
survey-problem-range = Kies een van de getoonde opties.
survey-problem-too-long = Houd de opmerking korter dan 2.000 tekens.
survey-comment-hint = Maximaal 2.000 tekens.
survey-thanks-title = Bedankt
survey-thanks-body = Je antwoorden zijn binnen. Je krijgt voor deze enquête geen herinneringen meer. De uitkomsten worden gedeeld zodra de enquête gesloten is.
survey-answered-title = Je hebt al geantwoord
survey-answered-body = Deze link is al gebruikt. Elke uitnodiging telt één keer, dus je eerdere antwoorden blijven staan. Bedankt!
survey-closed-title = Deze enquête is gesloten
survey-closed-body = De enquête is gesloten aan het eind van { $date } ({ $tz }) en neemt geen antwoorden meer aan. De uitkomsten gaan naar het bedrijf, alleen als groepstotalen. Bedankt voor je interesse.
survey-closed-early-body = De enquête is gesloten op { $date } ({ $tz }) en neemt geen antwoorden meer aan. De uitkomsten gaan naar het bedrijf, alleen als groepstotalen. Bedankt voor je interesse.
survey-unknown-title = Deze link werkt niet
survey-unknown-body = De link naar de enquête is niet geldig. Links werken niet meer zodra hun enquête gesloten is; de uitkomsten gaan dan naar het bedrijf. Loopt je enquête nog, open dan de link uit je uitnodiging precies zoals hij is verstuurd.
survey-no-cookie-title = Open de link uit je e-mail
survey-no-cookie-body = Open de persoonlijke link uit je uitnodiging om te antwoorden. Heb je dat al gedaan, dan blokkeert je browser misschien cookies voor deze site.
survey-forged-title = Het formulier kon niet worden gelezen
survey-forged-body = De verstuurde antwoorden passen niet bij deze enquête. Ga terug naar de link in je uitnodiging en antwoord opnieuw.
survey-limited-title = Te veel pogingen
survey-limited-body = Vanaf je netwerk zijn te veel ongeldige links geopend. Wacht een minuut en probeer het opnieuw.
survey-unavailable-title = Probeer het over een minuut opnieuw
survey-unavailable-body = De enquête is even niet beschikbaar. Er is niets opgeslagen. Probeer het over een minuut opnieuw.
survey-preview-banner = Voorbeeld — vanaf deze pagina kun je geen antwoorden versturen.
survey-language = Taal
