import { ChartError } from '../errors.ts'
import type { ChartLimits } from '../limits.ts'

/**
 * What is left of the limits while one chart loads: nested archives and subchart
 * directories draw from the same budget as their parent, so that splitting a bomb across
 * subcharts does not help.
 */
export class LoadBudget {
  bytesLeft: number
  filesLeft: number

  constructor(
    readonly limits: ChartLimits,
    readonly source: string,
  ) {
    this.bytesLeft = limits.maxChartSize
    this.filesLeft = limits.maxFiles
  }

  /** Counts one more entry (file or directory). */
  takeEntry(name: string): void {
    if (--this.filesLeft < 0) {
      throw new ChartError(
        'TOO_MANY_FILES',
        `chart has more than the maximum of ${this.limits.maxFiles} files`,
        {
          file: name,
          source: this.source,
        },
      )
    }
  }

  /** Checks a file's declared size before reading it. */
  checkFileSize(name: string, size: number): void {
    if (size > this.limits.maxFileSize) {
      throw new ChartError(
        'FILE_TOO_LARGE',
        `decompressed chart file ${JSON.stringify(name)} is larger than the maximum file size ${this.limits.maxFileSize}`,
        { file: name, source: this.source },
      )
    }
    if (size > this.bytesLeft) this.tooLarge(name)
  }

  /** Counts bytes actually read. */
  takeBytes(name: string, n: number): void {
    this.bytesLeft -= n
    if (this.bytesLeft < 0) this.tooLarge(name)
  }

  private tooLarge(name: string): never {
    throw new ChartError(
      'CHART_TOO_LARGE',
      `decompressed chart is larger than the maximum size ${this.limits.maxChartSize}`,
      { file: name, source: this.source },
    )
  }
}
