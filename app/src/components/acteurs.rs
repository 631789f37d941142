//! The acteurs view: the decks' partnership practices and perception figures, with coverage and
//! margins of error drawn; no figure is implied for a region the decks do not cover.

use super::context::Ctx;
use super::table::DataTable;
use crate::format;
use crate::i18n::Lang;
use crate::state::acteurs::acteurs_state;
use leptos::prelude::*;

#[component]
pub fn ActeursView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let s = acteurs_state(&ctx.ds, lang);
    let table = crate::state::tables::acteurs(&s, lang);
    // The same drawing as the export's (graphics::dots), as SVG markup: marks only, no script.
    let scene = crate::graphics::dots::practices(&s, lang, crate::browser::chart_width(640.0));
    let (w, h) = (scene.width, scene.height);
    let dots = crate::graphics::svg::fragment(&scene);
    let surveys = s
        .surveys
        .iter()
        .map(|(v, label)| view! { <li><strong>{format::value_with(*v, "%", 0, lang)}</strong>" "{label.clone()}</li> })
        .collect::<Vec<_>>();
    // The deck's own words (its samples) are quoted in French, marked so: a screen reader
    // reads them as French in the English page.
    let (m0, m1, mr, sample) = (
        s.national_margin.0,
        s.national_margin.1,
        s.regional_margin,
        s.margin_sample.clone(),
    );
    let margin_text = match lang {
        Lang::Fr => view! { {format!("Marge d'erreur des chiffres des maires : {m0} à {m1} points au niveau national, {mr} points au niveau régional (PHARE-Institutions, ")}<span lang="fr">{sample}</span>"). Les autres chiffres n'ont pas d'échantillon publié dans les decks : pas de marge." }.into_any(),
        Lang::En => view! { {format!("Margin of error of the mayors' figures: {m0} to {m1} points nationally, {mr} points in a region (PHARE-Institutions, sample: ")}<q lang="fr">{sample}</q>"). The other figures have no sample published in the decks: no margin." }.into_any(),
    };
    view! {
        <section class="view acteurs-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{lang.t("Les acteurs et leurs partenariats", "Actors and their partnerships")}</h2>
            </div>
            <p class="coverage notice-info" data-testid="coverage">{s.coverage.clone()}" "{lang.t("Les autres régions n'ont pas de chiffre dans les decks : rien n'est extrapolé.", "The other regions have no figure in the decks: nothing is extrapolated.")}</p>
            <h3>{format!("{} ({})", lang.t("Pratiques partenariales des entreprises", "Companies' partnership practices"), s.practice_year)}</h3>
            <figure class="dotplot">
                <svg viewBox=format!("0 0 {w} {h}") role="img" aria-label=table.caption.clone() inner_html=dots></svg>
                <figcaption>
                    <p class="hint">{lang.t(
                        "Trait horizontal : intervalle de confiance à 95 % de chaque pourcentage, calculé sur l'échantillon que donne le deck : ",
                        "Horizontal line: 95% confidence interval of each percentage, computed on the sample the deck gives: ")}<q lang="fr">{s.practice_base.clone()}</q>"."</p>
                </figcaption>
            </figure>
            <DataTable table=table lang=lang test_id="acteurs-table" />
            <h3>{lang.t("Perceptions au niveau national", "National perceptions")}</h3>
            <ul class="surveys">{surveys}</ul>
            <p class="hint">{margin_text}</p>
            <p class="source">{lang.t("Source : ", "Source: ")}{s.source.clone()}</p>
        </section>
    }
}
