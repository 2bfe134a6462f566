-- 00_extensions.pre.sql
-- Radius matching uses cube + earthdistance with GiST indexes (see 10_geo.sql).
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;


-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CUSTOMER', 'DEALER', 'LENDER', 'ADMIN');

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('OWNER', 'STAFF');

-- CreateEnum
CREATE TYPE "BodyType" AS ENUM ('SEDAN', 'SUV', 'TRUCK', 'COUPE', 'HATCHBACK', 'MINIVAN', 'WAGON', 'CONVERTIBLE', 'VAN');

-- CreateEnum
CREATE TYPE "Condition" AS ENUM ('NEW', 'USED', 'ANY');

-- CreateEnum
CREATE TYPE "VehicleCondition" AS ENUM ('NEW', 'USED', 'CERTIFIED');

-- CreateEnum
CREATE TYPE "InventoryStatus" AS ENUM ('AVAILABLE', 'PENDING', 'SOLD');

-- CreateEnum
CREATE TYPE "ApiKeyMode" AS ENUM ('LIVE', 'TEST');

-- CreateEnum
CREATE TYPE "CreditTier" AS ENUM ('SUPER_PRIME', 'PRIME', 'NEAR_PRIME', 'SUBPRIME', 'DEEP_SUBPRIME');

-- CreateEnum
CREATE TYPE "CreditSource" AS ENUM ('SELF_REPORTED', 'BUREAU');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('SOFT_PULL', 'CREDIT_SHARE', 'CONTACT_SHARE');

-- CreateEnum
CREATE TYPE "GranteeType" AS ENUM ('ALL_LENDERS', 'LENDERS', 'DEALER', 'COUNTER');

-- CreateEnum
CREATE TYPE "DataField" AS ENUM ('CONTACT', 'ADDRESS', 'INCOME', 'CREDIT');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('DEALER', 'LENDER', 'STAFF', 'COUNTER');

-- CreateEnum
CREATE TYPE "KeepInTouchTopic" AS ENUM ('SERVICE', 'RECALLS', 'TRADE_IN_OFFERS');

-- CreateEnum
CREATE TYPE "KeepInTouchPeriod" AS ENUM ('WEEK', 'MONTH', 'QUARTER');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'ACCEPTED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "Timeline" AS ENUM ('ASAP', 'WITHIN_2_WEEKS', 'WITHIN_MONTH', 'WITHIN_3_MONTHS', 'JUST_BROWSING');

-- CreateEnum
CREATE TYPE "LeadStatus" AS ENUM ('NEW', 'VIEWED', 'QUOTED', 'PASSED', 'CLOSED', 'WON');

-- CreateEnum
CREATE TYPE "UnitChange" AS ENUM ('SOLD', 'REMOVED', 'PRICE_CHANGED');

-- CreateEnum
CREATE TYPE "QuoteStatus" AS ENUM ('ACTIVE', 'WITHDRAWN', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PreApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'CONDITIONAL', 'DECLINED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DecisionSource" AS ENUM ('AUTO_POLICY', 'API', 'CONSOLE');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'DEAD');

-- CreateEnum
CREATE TYPE "DealOutcome" AS ENUM ('AWAITING_BUYER', 'CONFIRMED', 'DISPUTED', 'NOT_DELIVERED');

-- CreateEnum
CREATE TYPE "FinancingUsed" AS ENUM ('PRE_APPROVAL', 'OTHER_LENDER', 'DEALER_ARRANGED', 'CASH');

-- CreateEnum
CREATE TYPE "SenderType" AS ENUM ('CUSTOMER', 'DEALER', 'SYSTEM');

-- CreateEnum
CREATE TYPE "BlockKind" AS ENUM ('MUTE', 'BLOCK');

-- CreateEnum
CREATE TYPE "RatingTarget" AS ENUM ('DEALER', 'LENDER');

-- CreateEnum
CREATE TYPE "RelayOutcome" AS ENUM ('ACCEPTED', 'REJECTED_SENDER', 'CLOSED', 'UNKNOWN_TOKEN', 'THROTTLED', 'TOO_LARGE', 'REJECTED_CONTENT');

-- CreateEnum
CREATE TYPE "CrmDeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'BOUNCED');

-- CreateEnum
CREATE TYPE "CrmDeliveryKind" AS ENUM ('FIRST', 'RESEND');

-- CreateEnum
CREATE TYPE "CrmChannel" AS ENUM ('EMAIL', 'HTTP');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'DONE', 'DEAD');

-- CreateEnum
CREATE TYPE "GarageSource" AS ENUM ('BOUGHT_HERE', 'ADDED_BY_HAND');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dealerId" TEXT,
    "lenderId" TEXT,
    "role" "OrgRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Dealer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "phone" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "serviceRadiusMiles" INTEGER NOT NULL,
    "makes" TEXT[],
    "bodyTypes" "BodyType"[],
    "sellsNew" BOOLEAN NOT NULL,
    "sellsUsed" BOOLEAN NOT NULL,
    "minPriceCents" INTEGER NOT NULL,
    "maxPriceCents" INTEGER NOT NULL,
    "dailyLeadCap" INTEGER NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "crmEndpoint" TEXT,
    "docFeeCents" INTEGER NOT NULL DEFAULT 0,
    "addOnsCents" INTEGER NOT NULL DEFAULT 0,
    "addOnsLabel" TEXT,
    "taxRateBps" INTEGER,
    "quoteValidDays" INTEGER NOT NULL DEFAULT 7,
    "docFeeFixed" BOOLEAN NOT NULL DEFAULT false,
    "autoQuoteEnabled" BOOLEAN NOT NULL DEFAULT false,
    "autoQuoteDiscountBps" INTEGER NOT NULL DEFAULT 0,
    "autoQuoteDailyCap" INTEGER NOT NULL DEFAULT 20,
    "responseMedianSeconds" INTEGER,
    "responseP90Seconds" INTEGER,
    "responseWithin5mBps" INTEGER,
    "responseSampleSize" INTEGER NOT NULL DEFAULT 0,
    "responseStatsAt" TIMESTAMP(3),
    "deliveriesCount" INTEGER NOT NULL DEFAULT 0,
    "honouredCount" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "ratingStarsSum" INTEGER NOT NULL DEFAULT 0,
    "ratingPriceAsQuotedCount" INTEGER NOT NULL DEFAULT 0,
    "ratingFeesAsQuotedCount" INTEGER NOT NULL DEFAULT 0,
    "ratingNoPressureCount" INTEGER NOT NULL DEFAULT 0,
    "ratingSpeedCount" INTEGER NOT NULL DEFAULT 0,
    "ratingCommunicationCount" INTEGER NOT NULL DEFAULT 0,
    "pricePerDealCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dealer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryUnit" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "vin" TEXT NOT NULL,
    "stockNumber" TEXT,
    "condition" "VehicleCondition" NOT NULL,
    "year" INTEGER NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "trim" TEXT,
    "bodyType" "BodyType",
    "mileage" INTEGER NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "msrpCents" INTEGER,
    "exteriorColor" TEXT,
    "inStockSince" DATE,
    "features" TEXT[],
    "status" "InventoryStatus" NOT NULL DEFAULT 'AVAILABLE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InventoryUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealerAutoQuoteDay" (
    "dealerId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DealerAutoQuoteDay_pkey" PRIMARY KEY ("dealerId","day")
);

-- CreateTable
CREATE TABLE "DealerLeadDay" (
    "dealerId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DealerLeadDay_pkey" PRIMARY KEY ("dealerId","day")
);

-- CreateTable
CREATE TABLE "Lender" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "policyActive" BOOLEAN NOT NULL DEFAULT true,
    "policyBodyTypes" "BodyType"[],
    "policyNew" BOOLEAN NOT NULL DEFAULT true,
    "policyUsed" BOOLEAN NOT NULL DEFAULT true,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "webhookSecretPrev" TEXT,
    "webhookSecretRotatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LenderPolicyTier" (
    "id" TEXT NOT NULL,
    "lenderId" TEXT NOT NULL,
    "minScore" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "aprNewBps" INTEGER NOT NULL,
    "aprUsedBps" INTEGER NOT NULL,
    "maxTermMonths" INTEGER NOT NULL,
    "maxAmountCents" INTEGER NOT NULL,
    "maxPtiBps" INTEGER NOT NULL,

    CONSTRAINT "LenderPolicyTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "lenderId" TEXT,
    "dealerId" TEXT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "mode" "ApiKeyMode" NOT NULL DEFAULT 'LIVE',
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerProfile" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT,
    "street" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "employer" TEXT,
    "annualIncomeEnc" TEXT,
    "housingCostEnc" TEXT,
    "creditScoreEnc" TEXT,
    "creditTier" "CreditTier",
    "creditSource" "CreditSource",
    "creditPulledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "textVersion" TEXT NOT NULL,
    "textShown" TEXT NOT NULL,
    "agreedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" TEXT,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentGrant" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "granteeType" "GranteeType" NOT NULL,
    "lenderIds" TEXT[],
    "dealerId" TEXT,
    "fields" "DataField"[],
    "purpose" TEXT NOT NULL,
    "requestId" TEXT,
    "consentId" TEXT,
    "tokenHash" TEXT,
    "codeHash" TEXT,
    "codeUsedAt" TIMESTAMP(3),
    "codeFailures" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "deletionRequestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "grantId" TEXT,
    "fields" "DataField"[],
    "purpose" TEXT NOT NULL,
    "requestId" TEXT,
    "channel" TEXT NOT NULL,
    "refused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeepInTouchGrant" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "topics" "KeepInTouchTopic"[],
    "capCount" INTEGER NOT NULL,
    "capPeriod" "KeepInTouchPeriod" NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "textVersion" TEXT NOT NULL,
    "textShown" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeepInTouchGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "bodyType" "BodyType" NOT NULL,
    "condition" "Condition" NOT NULL,
    "makes" TEXT[],
    "model" TEXT,
    "yearMin" INTEGER,
    "yearMax" INTEGER,
    "maxMileage" INTEGER,
    "features" TEXT[],
    "maxPriceCents" INTEGER,
    "maxMonthlyCents" INTEGER,
    "termMonths" INTEGER,
    "downPaymentCents" INTEGER NOT NULL DEFAULT 0,
    "tradeInYear" INTEGER,
    "tradeInMake" TEXT,
    "tradeInModel" TEXT,
    "tradeInMileage" INTEGER,
    "wantsFinancing" BOOLEAN NOT NULL,
    "zip" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "radiusMiles" INTEGER NOT NULL,
    "timeline" "Timeline" NOT NULL,
    "noAddOns" BOOLEAN NOT NULL DEFAULT false,
    "maxFeesCents" INTEGER,
    "minValidDays" INTEGER,
    "threadOnly" BOOLEAN NOT NULL DEFAULT false,
    "inStockOnly" BOOLEAN NOT NULL DEFAULT false,
    "creditTier" "CreditTier",
    "version" INTEGER NOT NULL DEFAULT 1,
    "matchedCount" INTEGER NOT NULL DEFAULT 0,
    "fannedOutAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "status" "LeadStatus" NOT NULL DEFAULT 'NEW',
    "distanceMiles" DOUBLE PRECISION NOT NULL,
    "matchReasons" JSONB NOT NULL,
    "buyerAlias" TEXT NOT NULL,
    "bodyType" "BodyType" NOT NULL,
    "viewedAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "firstQuoteAt" TIMESTAMP(3),
    "autoQuoteAt" TIMESTAMP(3),
    "autoQuoteSkip" TEXT,
    "closedReason" TEXT,
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "status" "QuoteStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "requestVersion" INTEGER NOT NULL,
    "needsReconfirm" BOOLEAN NOT NULL DEFAULT false,
    "year" INTEGER NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "trim" TEXT,
    "vin" TEXT NOT NULL,
    "condition" "VehicleCondition" NOT NULL,
    "mileage" INTEGER NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "vehiclePriceCents" INTEGER NOT NULL,
    "feesCents" INTEGER NOT NULL,
    "addOnsCents" INTEGER NOT NULL,
    "incentivesCents" INTEGER NOT NULL,
    "tradeInOfferCents" INTEGER NOT NULL,
    "taxCents" INTEGER NOT NULL,
    "otdCents" INTEGER NOT NULL,
    "amountFinancedCents" INTEGER NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "withdrawnReason" TEXT,
    "inventoryUnitId" TEXT,
    "unitChange" "UnitChange",
    "unitChangedAt" TIMESTAMP(3),
    "autoSent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteRevision" (
    "id" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreApproval" (
    "id" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "lenderId" TEXT NOT NULL,
    "status" "PreApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "quoteVersion" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "decisionVersion" INTEGER NOT NULL DEFAULT 0,
    "aprBps" INTEGER,
    "termMonths" INTEGER,
    "maxAmountCents" INTEGER,
    "monthlyPaymentCents" INTEGER,
    "conditions" TEXT[],
    "reasons" TEXT[],
    "source" "DecisionSource",
    "decidedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PreApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdverseActionNotice" (
    "id" TEXT NOT NULL,
    "preApprovalId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "lenderId" TEXT NOT NULL,
    "reasons" TEXT[],
    "scoreUsed" INTEGER,
    "scoreSource" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdverseActionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "lenderId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastDurationMs" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deal" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "lenderId" TEXT,
    "preApprovalId" TEXT,
    "quoteVersion" INTEGER NOT NULL,
    "otdCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "DealOutcome",
    "deliveredOn" DATE,
    "finalVehiclePriceCents" INTEGER,
    "finalFeesCents" INTEGER,
    "finalAddOnsCents" INTEGER,
    "finalIncentivesCents" INTEGER,
    "finalTaxCents" INTEGER,
    "finalTradeInCents" INTEGER,
    "finalOtdCents" INTEGER,
    "financingUsed" "FinancingUsed",
    "grossProfitCents" INTEGER,
    "priceHonoured" BOOLEAN,
    "outcomeRecordedAt" TIMESTAMP(3),
    "buyerRespondedAt" TIMESTAMP(3),
    "disputeReason" TEXT,
    "notDeliveredReason" TEXT,

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Thread" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "senderType" "SenderType" NOT NULL,
    "senderUserId" TEXT,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealerBlock" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "kind" "BlockKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealerBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "target" "RatingTarget" NOT NULL,
    "dealerId" TEXT,
    "lenderId" TEXT,
    "stars" INTEGER NOT NULL,
    "comment" TEXT,
    "priceAsQuoted" BOOLEAN NOT NULL DEFAULT false,
    "feesAsQuoted" BOOLEAN NOT NULL DEFAULT false,
    "noPressure" BOOLEAN NOT NULL DEFAULT false,
    "speed" BOOLEAN NOT NULL DEFAULT false,
    "communication" BOOLEAN NOT NULL DEFAULT false,
    "signedName" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealerCrmAddress" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealerCrmAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealerCrmSecret" (
    "dealerId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "secretPrev" TEXT,
    "secretRotatedAt" TIMESTAMP(3),

    CONSTRAINT "DealerCrmSecret_pkey" PRIMARY KEY ("dealerId")
);

-- CreateTable
CREATE TABLE "LeadRelay" (
    "leadId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadRelay_pkey" PRIMARY KEY ("leadId")
);

-- CreateTable
CREATE TABLE "RelayInbound" (
    "id" TEXT NOT NULL,
    "token" TEXT,
    "leadId" TEXT,
    "dealerId" TEXT,
    "mailFrom" TEXT NOT NULL,
    "fromHeader" TEXT,
    "outcome" "RelayOutcome" NOT NULL,
    "detail" TEXT,
    "messageId" TEXT,
    "mailMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelayInbound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmDelivery" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "kind" "CrmDeliveryKind" NOT NULL,
    "channel" "CrmChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "status" "CrmDeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CrmDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "emailEnabled" BOOLEAN NOT NULL DEFAULT true,
    "emailQuotes" BOOLEAN NOT NULL DEFAULT true,
    "emailMessages" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "OutboundEmail" (
    "id" TEXT NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastClaimAt" TIMESTAMP(3),

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "refId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GarageVehicle" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "vin" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "trim" TEXT,
    "mileage" INTEGER,
    "source" "GarageSource" NOT NULL,
    "dealId" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GarageVehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturningBuyerShare" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "textShown" TEXT NOT NULL,
    "returning" BOOLEAN NOT NULL,
    "agreedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReturningBuyerShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketMetroSnapshot" (
    "id" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "quoted" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "medianFirstQuoteSeconds" INTEGER,
    "sinceAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketMetroSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_key" ON "Membership"("userId");

-- CreateIndex
CREATE INDEX "Membership_dealerId_idx" ON "Membership"("dealerId");

-- CreateIndex
CREATE INDEX "Membership_lenderId_idx" ON "Membership"("lenderId");

-- CreateIndex
CREATE INDEX "InventoryUnit_dealerId_status_updatedAt_id_idx" ON "InventoryUnit"("dealerId", "status", "updatedAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryUnit_dealerId_vin_key" ON "InventoryUnit"("dealerId", "vin");

-- CreateIndex
CREATE INDEX "LenderPolicyTier_lenderId_idx" ON "LenderPolicyTier"("lenderId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_lenderId_idx" ON "ApiKey"("lenderId");

-- CreateIndex
CREATE INDEX "ApiKey_dealerId_idx" ON "ApiKey"("dealerId");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_apiKeyId_key_key" ON "IdempotencyRecord"("apiKeyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerProfile_userId_key" ON "CustomerProfile"("userId");

-- CreateIndex
CREATE INDEX "ConsentRecord_userId_idx" ON "ConsentRecord"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentGrant_tokenHash_key" ON "ConsentGrant"("tokenHash");

-- CreateIndex
CREATE INDEX "ConsentGrant_customerId_idx" ON "ConsentGrant"("customerId");

-- CreateIndex
CREATE INDEX "ConsentGrant_requestId_idx" ON "ConsentGrant"("requestId");

-- CreateIndex
CREATE INDEX "AccessLog_customerId_createdAt_idx" ON "AccessLog"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "KeepInTouchGrant_customerId_createdAt_idx" ON "KeepInTouchGrant"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "KeepInTouchGrant_dealId_idx" ON "KeepInTouchGrant"("dealId");

-- CreateIndex
CREATE INDEX "Request_customerId_createdAt_idx" ON "Request"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Lead_dealerId_createdAt_idx" ON "Lead"("dealerId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Lead_requestId_dealerId_key" ON "Lead"("requestId", "dealerId");

-- CreateIndex
CREATE INDEX "Quote_requestId_idx" ON "Quote"("requestId");

-- CreateIndex
CREATE INDEX "Quote_dealerId_createdAt_idx" ON "Quote"("dealerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Quote_inventoryUnitId_idx" ON "Quote"("inventoryUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteRevision_quoteId_version_key" ON "QuoteRevision"("quoteId", "version");

-- CreateIndex
CREATE INDEX "PreApproval_lenderId_status_createdAt_id_idx" ON "PreApproval"("lenderId", "status", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PreApproval_quoteId_lenderId_key" ON "PreApproval"("quoteId", "lenderId");

-- CreateIndex
CREATE UNIQUE INDEX "AdverseActionNotice_preApprovalId_key" ON "AdverseActionNotice"("preApprovalId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_eventId_key" ON "WebhookDelivery"("eventId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_lenderId_createdAt_idx" ON "WebhookDelivery"("lenderId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Deal_requestId_key" ON "Deal"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_quoteId_key" ON "Deal"("quoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_preApprovalId_key" ON "Deal"("preApprovalId");

-- CreateIndex
CREATE INDEX "Deal_outcome_outcomeRecordedAt_idx" ON "Deal"("outcome", "outcomeRecordedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Thread_leadId_key" ON "Thread"("leadId");

-- CreateIndex
CREATE INDEX "Message_threadId_createdAt_idx" ON "Message"("threadId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DealerBlock_customerId_dealerId_key" ON "DealerBlock"("customerId", "dealerId");

-- CreateIndex
CREATE INDEX "Rating_dealerId_createdAt_idx" ON "Rating"("dealerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Rating_createdAt_idx" ON "Rating"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Rating_dealId_target_key" ON "Rating"("dealId", "target");

-- CreateIndex
CREATE UNIQUE INDEX "DealerCrmAddress_dealerId_email_key" ON "DealerCrmAddress"("dealerId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "LeadRelay_token_key" ON "LeadRelay"("token");

-- CreateIndex
CREATE INDEX "RelayInbound_leadId_createdAt_idx" ON "RelayInbound"("leadId", "createdAt");

-- CreateIndex
CREATE INDEX "RelayInbound_createdAt_idx" ON "RelayInbound"("createdAt");

-- CreateIndex
CREATE INDEX "RelayInbound_dealerId_createdAt_idx" ON "RelayInbound"("dealerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CrmDelivery_dealerId_createdAt_idx" ON "CrmDelivery"("dealerId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CrmDelivery_leadId_kind_channel_target_key" ON "CrmDelivery"("leadId", "kind", "channel", "target");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GarageVehicle_dealId_key" ON "GarageVehicle"("dealId");

-- CreateIndex
CREATE UNIQUE INDEX "GarageVehicle_customerId_vin_key" ON "GarageVehicle"("customerId", "vin");

-- CreateIndex
CREATE UNIQUE INDEX "ReturningBuyerShare_requestId_key" ON "ReturningBuyerShare"("requestId");

-- CreateIndex
CREATE INDEX "ReturningBuyerShare_customerId_idx" ON "ReturningBuyerShare"("customerId");

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryUnit" ADD CONSTRAINT "InventoryUnit_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerAutoQuoteDay" ADD CONSTRAINT "DealerAutoQuoteDay_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerLeadDay" ADD CONSTRAINT "DealerLeadDay_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LenderPolicyTier" ADD CONSTRAINT "LenderPolicyTier_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerProfile" ADD CONSTRAINT "CustomerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentGrant" ADD CONSTRAINT "ConsentGrant_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentGrant" ADD CONSTRAINT "ConsentGrant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentGrant" ADD CONSTRAINT "ConsentGrant_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "ConsentRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLog" ADD CONSTRAINT "AccessLog_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "ConsentGrant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_inventoryUnitId_fkey" FOREIGN KEY ("inventoryUnitId") REFERENCES "InventoryUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRevision" ADD CONSTRAINT "QuoteRevision_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreApproval" ADD CONSTRAINT "PreApproval_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreApproval" ADD CONSTRAINT "PreApproval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreApproval" ADD CONSTRAINT "PreApproval_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseActionNotice" ADD CONSTRAINT "AdverseActionNotice_preApprovalId_fkey" FOREIGN KEY ("preApprovalId") REFERENCES "PreApproval"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseActionNotice" ADD CONSTRAINT "AdverseActionNotice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseActionNotice" ADD CONSTRAINT "AdverseActionNotice_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_preApprovalId_fkey" FOREIGN KEY ("preApprovalId") REFERENCES "PreApproval"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerBlock" ADD CONSTRAINT "DealerBlock_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerBlock" ADD CONSTRAINT "DealerBlock_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_lenderId_fkey" FOREIGN KEY ("lenderId") REFERENCES "Lender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerCrmAddress" ADD CONSTRAINT "DealerCrmAddress_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerCrmSecret" ADD CONSTRAINT "DealerCrmSecret_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadRelay" ADD CONSTRAINT "LeadRelay_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmDelivery" ADD CONSTRAINT "CrmDelivery_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmDelivery" ADD CONSTRAINT "CrmDelivery_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GarageVehicle" ADD CONSTRAINT "GarageVehicle_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GarageVehicle" ADD CONSTRAINT "GarageVehicle_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturningBuyerShare" ADD CONSTRAINT "ReturningBuyerShare_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturningBuyerShare" ADD CONSTRAINT "ReturningBuyerShare_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- 10_geo.sql
-- A stored earth point per dealer, with its own GiST index: the radius query is an index scan.
ALTER TABLE "Dealer" ADD COLUMN "earth" earth GENERATED ALWAYS AS (ll_to_earth("lat", "lng")) STORED;
CREATE INDEX "Dealer_earth_gist" ON "Dealer" USING gist ("earth");

-- Makes as the dealer typed them, lower-cased once on write, so matching compares arrays with && instead
-- of lower-casing every make of every dealer in the box on every request.
CREATE FUNCTION keyturn_lower_all(text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(lower(m)), '{}') FROM unnest($1) AS m $$;
ALTER TABLE "Dealer" ADD COLUMN "makesKey" text[] GENERATED ALWAYS AS (keyturn_lower_all("makes")) STORED;

-- One covering GiST index per body type. A metro box holds thousands of dealers, of which only those
-- selling the wanted body type can match; a partial index per type means the scan never touches the
-- others, and INCLUDE carries every column matching reads, so the scan needs no heap visit (an
-- index-only scan once the visibility map is set, which autovacuum keeps for a table that changes
-- rarely). A body type added later without its index still matches correctly, through
-- "Dealer_earth_gist", only more slowly.
DO $$
DECLARE b text;
BEGIN
  FOR b IN SELECT unnest(enum_range(NULL::"BodyType"))::text LOOP
    EXECUTE format(
      'CREATE INDEX %I ON "Dealer" USING gist ("earth") INCLUDE ("id", "serviceRadiusMiles", "makes", "makesKey", "sellsNew", "sellsUsed", "minPriceCents", "maxPriceCents", "dailyLeadCap") WHERE %L::"BodyType" = ANY ("bodyTypes") AND "verified"',
      'Dealer_earth_' || lower(b) || '_gist', b);
  END LOOP;
END $$;

-- Matching, in the database: dealers inside both radii that sell the body type, the condition and the
-- price range, are not blocked by the buyer and have room under today's lead cap. Returns one JSON array
-- of [id, chord in whole metres, service radius, makes, sells new, sells used, min price, max price,
-- daily cap, leads today] per dealer, in no order. One JSON value crosses the wire instead of hundreds of
-- typed rows, and the caller's statement is trivial to plan. Makes come back only when the buyer named
-- some (the only case in which the dealer's makes appear in the reasons): building JSON is a large share
-- of this function's time.
--
-- The statement is built with the body type as a literal (format %L of an enum value), because only a
-- literal lets the planner pick that type's partial index; everything else is a parameter. The centre
-- and the box are computed once here, not per row. Distances are compared as chords (cube_distance), the
-- same order as great-circle distances; the caller converts the chord to miles for the nearest matches.
CREATE OR REPLACE FUNCTION keyturn_match_dealers(
  p_lat float8, p_lng float8, p_radius_miles float8, p_body "BodyType", p_condition text,
  p_makes text[], p_ceiling_cents int, p_customer_id text
) RETURNS json LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  center earth := ll_to_earth(p_lat, p_lng);
  radius_m float8 := p_radius_miles * 1609.344;
  blocked text[] := ARRAY(SELECT b."dealerId" FROM "DealerBlock" b WHERE b."customerId" = p_customer_id AND b."kind" = 'BLOCK');
  result json;
BEGIN
  EXECUTE format($q$
    SELECT coalesce(json_agg(json_build_array(f."id", f.chord, f."serviceRadiusMiles", f."makes", f."sellsNew", f."sellsUsed",
                                              f."minPriceCents", f."maxPriceCents", f."dailyLeadCap", coalesce(t."count", 0))), '[]'::json)
    FROM (
      SELECT d."id", round(cube_distance($1, d."earth"))::int AS chord, d."serviceRadiusMiles",
             CASE WHEN cardinality($4) = 0 THEN NULL ELSE d."makes" END AS "makes", d."sellsNew", d."sellsUsed",
             d."minPriceCents", d."maxPriceCents", d."dailyLeadCap"
      FROM "Dealer" d
      WHERE %1$L::"BodyType" = ANY (d."bodyTypes")
        AND d."verified" -- only verified dealers get leads (issue 13, item 9); also keeps the partial index usable
        AND earth_box($1, $2) @> d."earth"
        AND cube_distance($1, d."earth") <= 2 * earth() * sin(least($2, d."serviceRadiusMiles" * 1609.344::float8) / (2 * earth()))
        AND CASE $3 WHEN 'NEW' THEN d."sellsNew" WHEN 'USED' THEN d."sellsUsed" ELSE d."sellsNew" OR d."sellsUsed" END
        AND (cardinality($4) = 0 OR d."makesKey" && $4)
        AND d."minPriceCents" <= $5
        AND NOT (d."id" = ANY ($6))
      OFFSET 0 -- keeps the lead-count lookup below from running for dealers that fail the rules above
    ) f
    LEFT JOIN "DealerLeadDay" t ON t."dealerId" = f."id" AND t."day" = (now() AT TIME ZONE 'UTC')::date
    WHERE coalesce(t."count", 0) < f."dailyLeadCap"$q$, p_body)
  INTO result
  USING center, radius_m, p_condition, p_makes, p_ceiling_cents, blocked;
  RETURN result;
END
$fn$;


-- 20_append_only.sql
-- The access log is append-only for everyone who talks to the database through the application.
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AccessLog rows are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AccessLog_append_only" BEFORE UPDATE OR DELETE ON "AccessLog"
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER "AccessLog_no_truncate" BEFORE TRUNCATE ON "AccessLog"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();


-- 30_quotes.sql
-- A dealer has at most one live quote per request, enforced by the database.
CREATE UNIQUE INDEX "Quote_one_live_per_lead" ON "Quote" ("leadId") WHERE "status" IN ('ACTIVE', 'ACCEPTED');


-- 40_jobs.sql
-- Only pending jobs are ever scanned by workers.
CREATE INDEX "Job_pending_runAt" ON "Job" ("runAt") WHERE "status" = 'PENDING';


-- 45_job_sweeps.sql
-- The webhook sweep and a delivery's rerun look for a pending job of one delivery.
CREATE INDEX "Job_pending_delivery" ON "Job" (("payload"->>'deliveryId')) WHERE "status" = 'PENDING' AND "queue" = 'webhook.deliver';
-- The sweep scans only pending deliveries, oldest due first.
CREATE INDEX "WebhookDelivery_pending_due" ON "WebhookDelivery" ("nextAttemptAt") WHERE "status" = 'PENDING';
-- Pruning finds done jobs by age without reading the pending ones.
CREATE INDEX "Job_done_doneAt" ON "Job" ("doneAt") WHERE "status" = 'DONE';


-- 50_growth.sql
-- Indexes that keep everyday reads growing with the actor's own rows instead of with the table
-- (bench/scale, `npm run bench:scale`; the before and after figures are in the growth report). They are
-- plain or partial B-trees in the order the query filters and sorts. Partial predicates are only matched
-- by statements that send the value as a literal (raw SQL): Prisma sends enums as CAST($1::text AS …),
-- which the planner cannot prove implies a predicate. IF NOT EXISTS: the bench applies this file to data
-- sets generated before it.

-- The lead list's live quote per lead (dealerLeadListSelect): without it every page scanned Quote.
CREATE INDEX IF NOT EXISTS "Quote_leadId_idx" ON "Quote" ("leadId");
-- A dealer's leads by status, newest first: the status filters and the capped status counts.
CREATE INDEX IF NOT EXISTS "Lead_dealerId_status_createdAt_idx" ON "Lead" ("dealerId", "status", "createdAt" DESC, "id" DESC);
-- A dealer's leads of one body type, newest first (the board's body-type filter), on the lead's own copy of it.
CREATE INDEX IF NOT EXISTS "Lead_dealerId_bodyType_createdAt_idx" ON "Lead" ("dealerId", "bodyType", "createdAt" DESC, "id" DESC);
-- The board's capped status counts within a body-type filter (so a rare status is not looked for among
-- all of one body type's leads).
CREATE INDEX IF NOT EXISTS "Lead_dealerId_bodyType_status_idx" ON "Lead" ("dealerId", "bodyType", "status");
-- Unread message badges, for the buyer and for the dealer: only unread messages, by thread. Both ask per
-- lead shown (the dealer for the leads on its board's page), so neither reads its whole history.
CREATE INDEX IF NOT EXISTS "Message_unread_threadId_idx" ON "Message" ("threadId", "senderType") WHERE "readAt" IS NULL;
-- Unread-notification badges: only unread rows, per user.
CREATE INDEX IF NOT EXISTS "Notification_unread_userId_idx" ON "Notification" ("userId") WHERE "readAt" IS NULL;
-- "My data": uses per grant, and the customer's purchases.
CREATE INDEX IF NOT EXISTS "AccessLog_grantId_idx" ON "AccessLog" ("grantId");
CREATE INDEX IF NOT EXISTS "Deal_customerId_createdAt_idx" ON "Deal" ("customerId", "createdAt" DESC);
-- The inbox's dealer ratings, answered from the index alone.
CREATE INDEX IF NOT EXISTS "Rating_dealerId_target_idx" ON "Rating" ("dealerId", "target") INCLUDE ("stars");
-- The lender console's latest requests, and its decided list and the API's decisions (newest first).
CREATE INDEX IF NOT EXISTS "PreApproval_lenderId_createdAt_idx" ON "PreApproval" ("lenderId", "createdAt" DESC, "id" DESC);
CREATE INDEX IF NOT EXISTS "PreApproval_lenderId_decidedAt_idx" ON "PreApproval" ("lenderId", "decidedAt" DESC, "id" DESC);
-- The expiry sweep reads only pending rows past their expiry (its statement names 'PENDING' literally).
CREATE INDEX IF NOT EXISTS "PreApproval_pending_expiresAt_idx" ON "PreApproval" ("expiresAt") WHERE "status" = 'PENDING';
-- Retention sweeps (modules/housekeeping): each reads its oldest due rows, not the table.
CREATE INDEX IF NOT EXISTS "RateLimit_windowStart_idx" ON "RateLimit" ("windowStart");
CREATE INDEX IF NOT EXISTS "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord" ("createdAt");
CREATE INDEX IF NOT EXISTS "Notification_createdAt_idx" ON "Notification" ("createdAt");
-- The lead-day sweep deletes by day; without this it read the whole table, dead rows included.
CREATE INDEX IF NOT EXISTS "DealerLeadDay_day_idx" ON "DealerLeadDay" ("day");


-- 60_inventory.sql
-- An API key has exactly one owner: a lender (decisions API) or a dealer (inventory API).
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_one_owner" CHECK (num_nonnulls("lenderId", "dealerId") = 1);

-- Suggestions and automatic quotes read one dealer's available units of one body type, cheapest first:
-- one index range per lead, whatever the size of the whole inventory table.
CREATE INDEX "InventoryUnit_ranking_idx" ON "InventoryUnit" ("dealerId", "bodyType", "priceCents") WHERE "status" = 'AVAILABLE';


-- 70_keep_in_touch.sql
-- Keep-in-touch grants (schema.prisma says why the model carries no Prisma relations): the rows go with
-- the buyer, the dealer, the deal or the lead they belong to.
ALTER TABLE "KeepInTouchGrant"
  ADD CONSTRAINT "KeepInTouchGrant_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_cap_check" CHECK ("capCount" BETWEEN 1 AND 4),
  ADD CONSTRAINT "KeepInTouchGrant_topics_check" CHECK (cardinality("topics") >= 1);

-- At most one live grant per deal: giving new terms revokes the old grant in the same transaction.
CREATE UNIQUE INDEX "KeepInTouchGrant_one_live_per_deal" ON "KeepInTouchGrant" ("dealId") WHERE "revokedAt" IS NULL;


-- 80_analytics.sql
-- Dealer analytics (issue 11, part 3). Every figure a dealer waits for reads only that dealer's rows:
-- leads through Lead_dealerId_createdAt_idx (already there), deals through this index, so the page costs
-- the same on an empty platform and on one with millions of leads.
CREATE INDEX IF NOT EXISTS "Deal_dealerId_createdAt_idx" ON "Deal" ("dealerId", "createdAt" DESC);
-- The admin's market view reads the last 30 days of requests, not every request ever posted.
CREATE INDEX IF NOT EXISTS "Request_createdAt_idx" ON "Request" ("createdAt");
-- "Bought elsewhere" and "took the key back" are looked up per won customer: ConsentGrant_customerId_idx
-- and Deal_customerId_createdAt_idx serve those, so nothing is added for them.


-- 85_relay_dedupe.sql
-- One accepted relay reply per (lead, Message-ID): a sending server's retry of a mail we already posted
-- (its connection dropped before our 250 reached it) is answered 250 again and posts nothing.
CREATE UNIQUE INDEX "RelayInbound_accepted_mail_key" ON "RelayInbound" ("leadId", "mailMessageId")
  WHERE "outcome" = 'ACCEPTED' AND "mailMessageId" IS NOT NULL;

