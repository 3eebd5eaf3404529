//! Emails for Valinta: typed messages, their templates in Finnish, Swedish and English, and
//! the transports (SMTP through lettre; a local outbox folder by default). Empty until the
//! email issue (#7) builds it; the workspace keeps its place so the layout tells the plan.
