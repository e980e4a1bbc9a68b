import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, NotFoundError } from '@wirestream/platform';
import type { ReindexJob } from '@wirestream/contracts';
import { ReindexService } from './reindex.service';

@ApiTags('admin')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/admin/reindex')
export class ReindexController {
  constructor(private readonly reindex: ReindexService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild the article index from Postgres and swap the alias (no gap in search)',
    description:
      'Starts a background job and answers it; poll GET /v1/admin/reindex/{id}. Writes arriving meanwhile are caught up after the swap.',
  })
  @ApiResponse({
    status: 202,
    description: 'The job: { id, state, phase, total, copied, rejected, caughtUp, newIndex, oldIndices, … }',
  })
  @ApiResponse({ status: 401, description: 'problem+json: no x-api-key' })
  @ApiResponse({ status: 403, description: 'problem+json: not an admin key' })
  @ApiResponse({ status: 409, description: 'problem+json: a reindex is already running' })
  start(): Promise<ReindexJob> {
    return this.reindex.start();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress or outcome of a reindex job (held in memory by the instance that runs it)' })
  @ApiParam({ name: 'id', description: 'Job id from POST /v1/admin/reindex' })
  @ApiResponse({ status: 404, description: 'problem+json: unknown job' })
  get(@Param('id') id: string): ReindexJob {
    const job = this.reindex.get(id);
    if (!job) throw new NotFoundError(`Reindex job ${id}`);
    return job;
  }
}
