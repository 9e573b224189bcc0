// Inquiries (咨询): a question answered at once or by a promised time (H-FD-11).
export { inquiryWorkflow, InquiryData } from './inquiries.workflow'
