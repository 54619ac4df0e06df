export { createApp, defaultWebRoot, type AppOptions } from './app.ts'
export { startServer, type ServerOptions, type RunningServer } from './start.ts'
