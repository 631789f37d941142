//! A sortable, accessible data table (caption, column headers with aria-sort).

use crate::i18n::Lang;
use crate::table::Table;
use leptos::prelude::*;

#[component]
pub fn DataTable(
    #[prop(into)] table: Signal<Table>,
    lang: Lang,
    #[prop(optional, into)] test_id: String,
) -> impl IntoView {
    // (column, ascending); None = the order the view computed.
    let sort: RwSignal<Option<(usize, bool)>> = RwSignal::new(None);
    let headers = move || {
        table.with(|t| {
            t.headers
                .iter()
                .enumerate()
                .map(|(c, h)| {
                    let h = h.clone();
                    let numeric = t.numeric.get(c).copied().unwrap_or(false);
                    let aria = move || match sort.get() {
                        Some((col, true)) if col == c => "ascending",
                        Some((col, false)) if col == c => "descending",
                        _ => "none",
                    };
                    let click = move |_| {
                        sort.update(|s| {
                            *s = match *s {
                                Some((col, asc)) if col == c => Some((c, !asc)),
                                _ => Some((c, !numeric)),
                            }
                        })
                    };
                    let hint = lang.t("trier", "sort");
                    view! {
                        <th scope="col" aria-sort=aria class:num=numeric>
                            <button class="sort" on:click=click title=hint>{h}</button>
                        </th>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let rows = move || {
        table.with(|t| {
            let order = match sort.get() {
                Some((c, asc)) => t.order(c, asc),
                None => (0..t.rows.len()).collect(),
            };
            order
                .into_iter()
                .map(|i| {
                    let row = &t.rows[i];
                    let france = row.iter().any(|c| c.emphasis);
                    let cells = row
                        .iter()
                        .enumerate()
                        .map(|(c, cell)| {
                            let numeric = t.numeric.get(c).copied().unwrap_or(false);
                            if c == 0 {
                                view! { <th scope="row">{cell.text.clone()}</th> }.into_any()
                            } else {
                                view! { <td class:num=numeric>{cell.text.clone()}</td> }.into_any()
                            }
                        })
                        .collect::<Vec<_>>();
                    view! { <tr class:france=france>{cells}</tr> }
                })
                .collect::<Vec<_>>()
        })
    };
    // A table wider than a phone scrolls sideways: said above it (a table of four columns or
    // more), and its edges shade where there is more to see.
    let wide = move || table.with(|t| t.headers.len() >= 4);
    view! {
        <Show when=wide>
            <p class="scroll-cue" aria-hidden="true">{lang.t("↔ Faites glisser le tableau pour voir toutes ses colonnes", "↔ Swipe the table to see all its columns")}</p>
        </Show>
        <div class="table-wrap">
            <table class="data" data-testid=test_id>
                <caption>{move || table.with(|t| t.caption.clone())}</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
