//! Lists in pages: which rows a reader asked for and how many there are in all, so that a
//! list is either complete or says which part of the whole it is — never silently cut.
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QuerySelect};

/// The list envelope of the contract: `{"items": [...], "total": N}`.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ListOut<T> {
    pub items: Vec<T>,
    pub total: u64,
}

/// A page of a list: `page` counts from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub page: u64,
    pub per_page: u64,
}

impl Page {
    /// The first page of `per_page` rows.
    pub fn first(per_page: u64) -> Page {
        Page { page: 1, per_page }
    }

    /// Page `page` (from 1; 0 is read as 1) of `per_page` rows.
    pub fn number(page: u64, per_page: u64) -> Page {
        Page {
            page: page.max(1),
            per_page: per_page.max(1),
        }
    }

    pub fn offset(&self) -> u64 {
        (self.page - 1) * self.per_page
    }

    /// How many pages `total` rows fill (at least one, so an empty list has a page).
    pub fn count_of(&self, total: u64) -> u64 {
        total.div_ceil(self.per_page).max(1)
    }
}

/// One page of rows and the number of rows in all.
#[derive(Debug)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: Page,
}

impl<T> Paged<T> {
    /// All the rows there are, as one page holding them all.
    pub fn whole(items: Vec<T>) -> Paged<T> {
        let total = items.len() as u64;
        Paged {
            items,
            total,
            page: Page::first(total.max(1)),
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Paged<U> {
        Paged {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            page: self.page,
        }
    }

    pub fn try_map<U, E>(self, f: impl FnMut(T) -> Result<U, E>) -> Result<Paged<U>, E> {
        Ok(Paged {
            items: self.items.into_iter().map(f).collect::<Result<_, E>>()?,
            total: self.total,
            page: self.page,
        })
    }
}

/// One page of a query and the count of all its rows.
pub async fn fetch<E, C>(
    conn: &C,
    select: sea_orm::Select<E>,
    page: Page,
) -> Result<Paged<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
    C: ConnectionTrait,
{
    let total = select.clone().count(conn).await?;
    let items = select
        .offset(page.offset())
        .limit(page.per_page)
        .all(conn)
        .await?;
    Ok(Paged { items, total, page })
}

/// One page of a query, or with `page` None every row of it.
pub async fn fetch_or_all<E, C>(
    conn: &C,
    select: sea_orm::Select<E>,
    page: Option<Page>,
) -> Result<Paged<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
    C: ConnectionTrait,
{
    match page {
        Some(page) => fetch(conn, select, page).await,
        None => Ok(Paged::whole(select.all(conn).await?)),
    }
}

#[cfg(test)]
mod tests {
    use super::Page;

    #[test]
    fn a_page_knows_its_offset_and_how_many_pages_a_total_fills() {
        let page = Page::number(3, 50);
        assert_eq!(page.offset(), 100);
        assert_eq!(page.count_of(0), 1);
        assert_eq!(page.count_of(100), 2);
        assert_eq!(page.count_of(101), 3);
        assert_eq!(
            Page::number(0, 0),
            Page {
                page: 1,
                per_page: 1
            }
        );
    }
}
