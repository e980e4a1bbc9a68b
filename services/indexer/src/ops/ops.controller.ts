import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OpsStatus } from '@wirestream/contracts';
import type { Response } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OPS_STATUS_SCHEMA } from './ops-status.openapi';
import { OpsStatusService } from './ops-status.service';

/** The page is one static file (HTML, CSS and JS, no build step); its chart library comes from node_modules. */
const OPS_PAGE_FILE = path.join(__dirname, 'ops-page.html');
const ASSETS: Record<string, { module: string; contentType: string }> = {
  'uplot.iife.min.js': { module: 'uplot/dist/uPlot.iife.min.js', contentType: 'text/javascript; charset=utf-8' },
  'uplot.min.css': { module: 'uplot/dist/uPlot.min.css', contentType: 'text/css; charset=utf-8' },
};

@ApiTags('ops')
@Controller()
export class OpsController {
  private readonly page = readFileSync(OPS_PAGE_FILE, 'utf8');
  private readonly assets = new Map<string, Buffer>();

  constructor(private readonly ops: OpsStatusService) {}

  @Get('v1/ops/status')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'The pipeline on one page: stage counts and throughput, lag, outbox, DLQs, freshness, dependencies and sources',
    description:
      'Gathered from Postgres, Kafka and the search engine directly (not from the other services), each within OPS_TIMEOUT_MS. ' +
      'Always 200: a dependency that did not answer is named in `unavailable` and the parts that need it are null or empty. ' +
      'Every indexer instance answers the same (the freshness samples are in Postgres). Cached for 2 s.',
  })
  @ApiOkResponse({ description: 'The status, possibly partial (see `unavailable`)', schema: OPS_STATUS_SCHEMA })
  status(): Promise<OpsStatus> {
    return this.ops.status();
  }

  @Get('ops')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'The ops page (HTML): refreshes itself every 5 s from /v1/ops/status' })
  opsPage(): string {
    return this.page;
  }

  @Get('ops/assets/:file')
  @ApiExcludeEndpoint()
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file]! : null;
    if (!asset) throw new NotFoundException(`no asset ${file.slice(0, 100)}`);
    let body = this.assets.get(file);
    if (!body) {
      body = readFileSync(require.resolve(asset.module));
      this.assets.set(file, body);
    }
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.send(body);
  }
}
