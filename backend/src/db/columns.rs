//! How the domain's exact numbers are stored: money as whole cents and quantities as
//! thousandths, in integer columns both databases sum exactly. With these, an entity holds
//! a `Money` or a `Quantity` and no code converts cents by hand.
use sea_orm::{
    ColIdx, QueryResult, TryGetError, TryGetable, Value,
    sea_query::{ArrayType, ColumnType, Nullable, ValueType, ValueTypeErr},
};

use crate::domain::{Money, Quantity};

macro_rules! integer_column {
    ($type:ty, $to:ident, $from:ident) => {
        impl From<$type> for Value {
            fn from(value: $type) -> Self {
                Value::BigInt(Some(value.$to()))
            }
        }

        impl TryGetable for $type {
            fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
                i64::try_get_by(res, index).map(<$type>::$from)
            }
        }

        impl ValueType for $type {
            fn try_from(value: Value) -> Result<Self, ValueTypeErr> {
                <i64 as ValueType>::try_from(value).map(<$type>::$from)
            }

            fn type_name() -> String {
                stringify!($type).to_owned()
            }

            fn array_type() -> ArrayType {
                ArrayType::BigInt
            }

            fn column_type() -> ColumnType {
                ColumnType::BigInteger
            }
        }

        impl Nullable for $type {
            fn null() -> Value {
                Value::BigInt(None)
            }
        }

        impl sea_orm::IntoActiveValue<$type> for $type {
            fn into_active_value(self) -> sea_orm::ActiveValue<$type> {
                sea_orm::ActiveValue::Set(self)
            }
        }

        impl sea_orm::sea_query::postgres_array::NotU8 for $type {}
    };
}

integer_column!(Money, cents, from_cents);
integer_column!(Quantity, milli, from_milli);
