pub async fn load(_db: &crate::db::Db, _vault: &crate::vault::Vault) -> anyhow::Result<()> {
    anyhow::bail!("demo data is being written")
}
