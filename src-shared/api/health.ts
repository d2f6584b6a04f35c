/**
 * School health (y tế học đường): checks (height, weight, BMI with its WHO band, vision) and each
 * pupil's health profile. Sensitive personal data: readable by the medical role, the principal and the
 * pupil's homeroom teacher only; every read is audited.
 */
export const healthApi = {};
