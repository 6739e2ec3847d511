import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { DirectQuery } from "../database.ts";
import { channelRepository } from "./channels.ts";
import { deliveryRepository } from "./deliveries.ts";
import { interestRepository } from "./interests.ts";
import { jobRepository } from "./jobs.ts";
import { oauthStateRepository } from "./oauth-states.ts";
import { outboxRepository } from "./outbox.ts";
import { peopleRepository } from "./people.ts";
import { projectRepository } from "./projects.ts";
import { resultRepository } from "./results.ts";
import { reviewRepository } from "./reviews.ts";
import { slackInstallationRepository } from "./slack-installations.ts";
import { submissionInboxRepository } from "./submission-inbox.ts";
import { teamsConversationRepository } from "./teams-conversations.ts";
import { workingGroupRepository } from "./working-groups.ts";
import { workshopRecordRepository } from "./workshop-records.ts";
import { workshopRepository } from "./workshops.ts";
import { workspaceRepository } from "./workspaces.ts";

/** `direct`: the embedded database's own statements (see DirectQuery), for the one insert an ack waits for. */
export function createRepositories(prisma: PrismaClient, direct?: DirectQuery) {
  return {
    workspaces: workspaceRepository(prisma),
    channels: channelRepository(prisma),
    people: peopleRepository(prisma),
    workshops: workshopRepository(prisma),
    projects: projectRepository(prisma),
    results: resultRepository(prisma),
    interests: interestRepository(prisma),
    reviews: reviewRepository(prisma),
    deliveries: deliveryRepository(prisma),
    inbox: submissionInboxRepository(prisma, direct),
    outbox: outboxRepository(prisma),
    slackInstallations: slackInstallationRepository(prisma),
    jobs: jobRepository(prisma),
    oauthStates: oauthStateRepository(prisma),
    teamsConversations: teamsConversationRepository(prisma),
    workshopRecords: workshopRecordRepository(prisma),
    workingGroups: workingGroupRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
