// Queue names of the CRM jobs, apart from their handlers so fan-out and accept-quote can enqueue them
// without importing the delivery code.
export const CRM_PLAN_LEADS_QUEUE = "crm.plan-leads";
export const CRM_PLAN_RESEND_QUEUE = "crm.plan-resend";
export const CRM_DELIVER_QUEUE = "crm.deliver";
