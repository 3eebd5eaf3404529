//! Answers written piece by piece while the database is read, for documents too large to
//! hold in memory (a month's settlement, a month's invoice lines): a producer task writes
//! into a `Sink`, the response body sends what it wrote, and a slow client slows the
//! producer instead of filling memory.
use axum::body::{Body, Bytes};
use futures_util::stream;
use tokio::sync::mpsc;

/// Bytes gathered before a piece is handed to the connection.
const CHUNK: usize = 64 * 1024;

pub struct Sink {
    pub buffer: Vec<u8>,
    sender: mpsc::Sender<Bytes>,
}

impl Sink {
    /// Sends what is gathered once it is a chunk's worth.
    pub async fn maybe_flush(&mut self) -> anyhow::Result<()> {
        if self.buffer.len() >= CHUNK {
            self.flush().await?;
        }
        Ok(())
    }

    pub async fn flush(&mut self) -> anyhow::Result<()> {
        let bytes = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.sender
            .send(bytes)
            .await
            .map_err(|_| anyhow::anyhow!("the client went away"))
    }
}

/// A body that `produce` writes. The status is sent before the producer finishes, so a
/// failure half way is logged and cuts the body short (the client sees it incomplete).
pub fn body<F, Fut>(what: &'static str, produce: F) -> Body
where
    F: FnOnce(Sink) -> Fut + Send + 'static,
    Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
{
    let (sender, receiver) = mpsc::channel::<Bytes>(4);
    tokio::spawn(async move {
        let sink = Sink {
            buffer: Vec::with_capacity(CHUNK),
            sender,
        };
        if let Err(e) = produce(sink).await {
            tracing::error!(error = %e, what, "streaming an answer failed");
        }
    });
    Body::from_stream(stream::unfold(receiver, |mut rx| async move {
        rx.recv()
            .await
            .map(|bytes| (Ok::<_, std::convert::Infallible>(bytes), rx))
    }))
}
