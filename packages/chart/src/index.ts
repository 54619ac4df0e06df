export type {
  Chart,
  ChartDependency,
  ChartFile,
  ChartLock,
  ChartMaintainer,
  ChartMetadata,
  Values,
} from './types.ts'
