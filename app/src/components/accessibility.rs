//! The accessibility statement French public bodies must publish (RGAA 4.1, article 47 of law
//! 2005-102): the conformance status, what was tested and how, the known non-conformities, and the
//! contact and remedies, with the placeholders the host fills in. Linked from every page's footer.

use super::context::Ctx;
use crate::i18n::Lang;
use leptos::prelude::*;

#[component]
pub fn AccessibilityView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let li = |items: &[&'static str]| {
        items
            .iter()
            .map(|t| view! { <li>{*t}</li> })
            .collect::<Vec<_>>()
    };
    let (tests, gaps, tech) = match lang {
        Lang::Fr => (
            li(&[
                "axe-core (règles WCAG 2.1 A et AA) sur chaque vue — carte, région, comparaison, classement, acteurs, méthode, atelier, cette page — en français et en anglais, à chaque exécution des tests : aucune violation tolérée.",
                "Clavier : chaque commande est atteignable et utilisable au clavier ; les régions de la carte se parcourent à la touche Tab et s'ouvrent avec Entrée, leur valeur s'affiche au focus ; la recherche de région est une liste déroulante (combobox) conforme au motif ARIA ; la présentation se commande aux flèches et se quitte avec Échap.",
                "Lecteurs d'écran : les rôles et noms accessibles (régions de la carte, messages d'état, boîte de dialogue de l'atelier) sont vérifiés dans l'arbre d'accessibilité de Chromium par les tests de bout en bout.",
                "Un tableau derrière chaque graphique ; couleurs de la carte choisies pour les daltoniens (palette ColorBrewer PuOr) et toujours doublées d'un texte ; langue de la page déclarée (fr ou en) ; nombres au format français.",
                "Affichage sur téléphone (390 px de large) et zoom : la mise en page se réorganise sans défilement horizontal de la page.",
            ]),
            li(&[
                "Les images PNG exportées n'ont pas d'alternative textuelle intégrée : leur contenu existe en texte dans le fichier SVG et en tableau dans le CSV de la même vue.",
                "Le PDF de l'atelier est produit par l'impression du navigateur : il n'est pas balisé (PDF/UA).",
                "Le code QR des exports n'a pas d'alternative autre que le lien imprimé à côté.",
                "Les diapositives de la présentation sont des dessins SVG : un lecteur d'écran en lit les textes dans l'ordre du dessin, pas dans celui d'un tableau.",
                "Les phrases des decks citées en français ne sont pas traduites (ce sont des citations).",
            ]),
            "HTML5, CSS, SVG, WAI-ARIA, JavaScript et WebAssembly.",
        ),
        Lang::En => (
            li(&[
                "axe-core (WCAG 2.1 A and AA rules) on every view — map, region, comparison, ranking, actors, method, workshop, this page — in French and English, on every test run: no violation tolerated.",
                "Keyboard: every control can be reached and used with the keyboard; the map's regions are stepped through with Tab and opened with Enter, their value shown at focus; the region search is a combobox following the ARIA pattern; the presentation is driven with the arrow keys and left with Esc.",
                "Screen readers: roles and accessible names (the map's regions, status messages, the workshop's dialog) are checked in Chromium's accessibility tree by the end-to-end tests.",
                "A table behind every chart; map colours chosen for colour-blind readers (ColorBrewer PuOr) and always doubled by text; page language declared (fr or en); numbers in the reader's format.",
                "Phone width (390 px) and zoom: the layout reflows without horizontal scrolling of the page.",
            ]),
            li(&[
                "Exported PNG images carry no built-in text alternative: their content exists as text in the view's SVG file and as a table in its CSV.",
                "The workshop's PDF is written by the browser's print: it is not tagged (PDF/UA).",
                "The exports' QR code has no alternative other than the link printed beside it.",
                "The presentation's slides are SVG drawings: a screen reader reads their texts in drawing order, not as a table.",
                "The decks' sentences quoted in French are not translated (they are quotations).",
            ]),
            "HTML5, CSS, SVG, WAI-ARIA, JavaScript and WebAssembly.",
        ),
    };
    view! {
        <section class="view a11y-view prose" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{lang.t("Déclaration d'accessibilité", "Accessibility statement")}</h2>
            <p>{lang.t(
                "[Nom de l'organisme qui publie le tableau de bord — à compléter par l'hébergeur] s'engage à rendre ses services numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au tableau de bord « Fragilités régionales ».",
                "[Name of the body publishing the dashboard — to be filled in by the host] is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the “Regional fragility” dashboard.")}</p>
            <h3>{lang.t("État de conformité", "Compliance status")}</h3>
            <p data-testid="a11y-status"><strong>{lang.t(
                "Non conforme au RGAA 4.1 : aucun audit complet des 106 critères n'a encore été réalisé.",
                "Not compliant with RGAA 4.1: no full audit of its 106 criteria has been carried out yet.")}</strong>" "{lang.t(
                "Le RGAA demande de se déclarer « non conforme » tant qu'aucun audit n'a mesuré un taux de conformité ; les vérifications ci-dessous sont faites à chaque version, sans remplacer cet audit.",
                "RGAA requires a service to declare itself “not compliant” until an audit has measured a compliance rate; the checks below are run on every version, without replacing that audit.")}</p>
            <h3>{lang.t("Vérifications réalisées", "Checks carried out")}</h3>
            <ul>{tests}</ul>
            <h3>{lang.t("Non-conformités et limites connues", "Known non-conformities and limits")}</h3>
            <ul>{gaps}</ul>
            <h3>{lang.t("Technologies utilisées", "Technologies used")}</h3>
            <p>{tech}</p>
            <h3>{lang.t("Environnement de test", "Test environment")}</h3>
            <p>{lang.t(
                "Chromium (sans interface) piloté par Playwright, aux largeurs 1 366 et 390 pixels, avec axe-core ; clavier seul.",
                "Headless Chromium driven by Playwright, at 1,366 and 390 pixels wide, with axe-core; keyboard only.")}</p>
            <h3>{lang.t("Retour d'information et contact", "Feedback and contact")}</h3>
            <p data-testid="a11y-contact">{lang.t(
                "Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez [adresse électronique ou formulaire de contact — à compléter par l'hébergeur] pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.",
                "If you cannot access a content or a service, contact [e-mail address or contact form — to be filled in by the host] to be directed to an accessible alternative or to obtain the content in another form.")}</p>
            <h3>{lang.t("Voies de recours", "Remedies")}</h3>
            <p>{lang.t(
                "Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits, contacter son délégué dans votre région, ou lui écrire par courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
                "If you have reported an accessibility defect that prevents you from accessing a content or a service and have not received a satisfactory answer, you can write to the Défenseur des droits (the French rights ombudsman), contact its delegate in your region, or write post-free to: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.")}</p>
        </section>
    }
}
