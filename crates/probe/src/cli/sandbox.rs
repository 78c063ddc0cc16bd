//! `smtp-doctor sandbox`: the local sandbox SMTP servers on their own
//! (the demo starts them inside `serve --sandbox`).

use anyhow::Context as _;
use smtp_doctor_probe::sandbox::{Sandbox, SandboxOptions};
use tracing_subscriber::EnvFilter;

use super::args::{SandboxArgs, shutdown_signal};

pub(crate) fn command(args: &SandboxArgs) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let mut opts = SandboxOptions::demo(args.port_offset);
        opts.ip = args.ip;
        let sandbox = Sandbox::start(opts).await?;
        if let Some(path) = &args.ca_out {
            // Written whole, then renamed: a reader never sees half a file.
            let tmp = path.with_extension("tmp");
            std::fs::write(&tmp, sandbox.ca_pem())
                .and_then(|()| std::fs::rename(&tmp, path))
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        println!("{}", sandbox.describe());
        if let Some(path) = &args.ca_out {
            println!("Trust it with: smtp-doctor check --ca-file {} --allow-target {}/32 --allow-port {}-{} …", path.display(), args.ip, 2465 + args.port_offset, 2587 + args.port_offset);
        }
        tokio::select! {
            () = sandbox.run() => {}
            () = shutdown_signal() => {}
        }
        Ok(())
    })
}
