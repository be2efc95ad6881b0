// The account and region the local platform plays: what its ARNs name, and what its functions are told.
export const localRegion = 'eu-west-3';
export const localAccount = '000000000000';
