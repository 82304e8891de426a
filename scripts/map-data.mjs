// Builds assets/map/world.json: the overview's world map as SVG paths keyed by the gazetteer's
// slugs (src/lexicon/regions.tsv). Run by hand when the gazetteer gains a place
// (`node scripts/map-data.mjs`); its output is committed, and tests/overview.rs checks that every
// member state has a shape and that every slug on the map is the gazetteer's.
//
// Shapes: Natural Earth via npm `world-atlas` 2.0.2 (public domain), the 1:110m countries, and the
// 1:50m ones for the members too small to be in it (Bahrain, the Maldives, the Comoros).
// Projected with Natural Earth I, Antarctica left out, coordinates to one decimal: about 100 KB.
// Places that are no country (sub-regions, territories, peoples, continents) are points, placed
// by hand below (longitude, latitude).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { geoNaturalEarth1, geoPath } from "d3-geo";

const root = fileURLToPath(new URL("..", import.meta.url));
const atlas = (scale) =>
  JSON.parse(readFileSync(`${root}node_modules/world-atlas/countries-${scale}.json`, "utf8"));

const WIDTH = 960;
const HEIGHT = 470;

// Natural Earth's names where they differ from the gazetteer's English ones; several names make
// one place (Somaliland is drawn as part of Somalia; Northern Cyprus is the Turkish Cypriots').
const NAMES = {
  "bosnia-and-herzegovina": ["Bosnia and Herz."],
  brunei: ["Brunei"],
  "central-african-republic": ["Central African Rep."],
  gambia: ["Gambia"],
  somalia: ["Somalia", "Somaliland"],
  "south-sudan": ["S. Sudan"],
  "turkish-cypriots": ["N. Cyprus"],
  uae: ["United Arab Emirates"],
  "united-states": ["United States of America"],
};

// Points for the places that are no country's shape: [longitude, latitude].
const POINTS = {
  africa: [20, 8],
  asia: [95, 48],
  europe: [15, 52],
  americas: [-80, 12],
  sahel: [2, 15],
  "horn-of-africa": [45, 8],
  "lake-chad-basin": [14, 13],
  "west-africa": [-5, 11],
  "east-africa": [37, 0],
  "central-africa": [20, 2],
  "north-africa": [15, 28],
  maghreb: [0, 32],
  "middle-east": [40, 30],
  gulf: [51, 26],
  "south-asia": [78, 22],
  "central-asia": [65, 42],
  "southeast-asia": [110, 8],
  caucasus: [44, 42.5],
  balkans: [21, 43],
  "al-quds": [35.2, 31.8],
  kashmir: [75.5, 34],
  mayotte: [45.1, -12.8],
  "nagorno-karabakh": [46.7, 39.8],
  khojaly: [46.8, 39.9],
  rohingya: [92.5, 21],
  rakhine: [93.5, 19.5],
};

function gazetteer() {
  const rows = readFileSync(`${root}src/lexicon/regions.tsv`, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t"));
  return rows.map(([slug, kind, english]) => ({ slug, kind, english }));
}

const round = (n) => Math.round(n * 10) / 10;

function build() {
  const world = atlas("110m");
  const fine = atlas("50m");
  const countries = feature(world, world.objects.countries).features.filter(
    (f) => f.properties.name !== "Antarctica",
  );
  const fineCountries = feature(fine, fine.objects.countries).features;
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    { type: "FeatureCollection", features: countries },
  );
  const path = geoPath(projection).digits(1);
  const used = new Set();
  const places = [];
  for (const { slug, kind, english } of gazetteer()) {
    const names = NAMES[slug] ?? [english];
    if (POINTS[slug]) {
      const [x, y] = projection(POINTS[slug]);
      places.push({ slug, x: round(x), y: round(y) });
      continue;
    }
    let shapes = countries.filter((f) => names.includes(f.properties.name));
    if (shapes.length === 0) {
      shapes = fineCountries.filter((f) => names.includes(f.properties.name));
    }
    if (shapes.length === 0) {
      throw new Error(`no shape and no point for ${slug} (${kind}, ${english})`);
    }
    shapes.forEach((f) => used.add(f.properties.name));
    const d = shapes.map((f) => path(f)).join("");
    const [[x0, y0], [x1, y1]] = path.bounds({ type: "FeatureCollection", features: shapes });
    const place = { slug, d };
    // Too small to point at (a few pixels): a dot marks it too.
    if (x1 - x0 < 6 && y1 - y0 < 6) {
      place.x = round((x0 + x1) / 2);
      place.y = round((y0 + y1) / 2);
    }
    places.push(place);
  }
  const others = countries
    .filter((f) => !used.has(f.properties.name))
    .map((f) => path(f))
    .join("");
  return { width: WIDTH, height: HEIGHT, others, places };
}

const out = `${root}assets/map/world.json`;
writeFileSync(out, JSON.stringify(build()) + "\n");
console.log(`wrote ${out}`);
