/** A Swedish organisation number with a valid Luhn check digit, from nine digits (an implementation independent of the registry's). */
export function organisationNumber(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => {
    const product = Number(digit) * (i % 2 === 0 ? 2 : 1);
    return total + Math.floor(product / 10) + (product % 10);
  }, 0);
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}
