/** Small invented text pages in shapes other than the Global Village Space fixture (test data only; not exported). */

export const LEDGER_PAGE = [
  'The Daily Ledger',
  'Home | World | Africa',
  'Kenya reopens northern border crossing after six-month closure',
  'By Ana Ruiz and Tom Hale | Feb. 4, 2026 10:31 AM EST',
  'Share this article',
  'NAIROBI, Feb 4 (Reuters) - Kenya reopened its northern border crossing at Moyale on Wednesday, six months after it was shut over security concerns, allowing hundreds of trucks to resume trade with Ethiopia.',
  'Advertisement',
  'Interior Minister Kipchumba Murkomen said the decision followed a joint security review. “We are confident that the measures now in place will keep traders and residents safe along the whole corridor,” Murkomen told reporters in Marsabit.',
  'Related: Ethiopia and Kenya sign new power-trade agreement',
  'Traders said the closure had doubled the price of some goods in the border towns.',
  'Sign up for our morning newsletter',
  'We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.',
  '© 2026 The Daily Ledger. All rights reserved.',
].join('\n');

export const SPANISH_PAGE = `Bienvenidos a Diario del Sur

miércoles, 4 de febrero de 2026

Bogotá aprueba un plan de movilidad para reducir el tráfico en el centro

La alcaldía de Bogotá aprobó este miércoles un plan de movilidad que restringirá el paso de vehículos particulares por el centro histórico a partir de marzo, según informó la secretaría de movilidad.

Lea también: El metro de Bogotá supera las pruebas de carga en su primer tramo

El plan incluye nuevas rutas de autobuses eléctricos y la ampliación de la red de ciclovías, que ya es una de las más extensas de América Latina.

Los comerciantes del centro pidieron que la medida se aplique de forma gradual para no afectar las ventas.

Síguenos en Facebook y X

Todos los derechos reservados © 2026 Diario del Sur`;

export const HARBOUR_PAGE = `Skip to content
| Harbour Times |
Port expansion approved after decade-long dispute
Published: 2026-03-12T08:15:00Z | Updated: 2026-03-12T10:00:00Z
The regional council approved a long-delayed expansion of the container port on Thursday, ending a dispute with fishing cooperatives that had run for more than ten years.
Also read: Fishing quotas cut for the third year in a row
Council members voted nine to two in favour of the plan, which will add two deep-water berths and a rail link to the inland depot.
The fishing cooperatives said they would not appeal after the port authority agreed to fund a new landing stage for small boats.
Follow us on Facebook and X
Harbour Times`;
