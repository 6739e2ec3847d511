/** Vocabulary for synthetic workshops: application domains × technologies, each with synonyms. */
export interface Domain {
  name: string;
  objects: string[];
  users: string[];
  settings: string[];
  words: string[];
}

export interface Technology {
  name: string;
  names: string[];
  verbs: string[];
  artefacts: string[];
  words: string[];
}

export const DOMAINS: Domain[] = [
  {
    name: "manufacturing",
    objects: ["machine tools", "CNC machines", "production lines", "assembly cells"],
    users: ["manufacturers", "plant managers", "machine operators"],
    settings: ["the shop floor", "a factory", "production plants"],
    words: ["throughput", "downtime", "machining", "spindle"],
  },
  {
    name: "agriculture",
    objects: ["crops", "orchards", "vineyards", "arable fields"],
    users: ["farmers", "growers", "agronomists"],
    settings: ["the farm", "greenhouses", "open fields"],
    words: ["yield", "irrigation", "harvest", "soil"],
  },
  {
    name: "health",
    objects: ["patients with chronic disease", "hospital wards", "clinical pathways"],
    users: ["clinicians", "nurses", "caregivers"],
    settings: ["hospitals", "outpatient clinics", "home care"],
    words: ["diagnosis", "therapy", "treatment", "care"],
  },
  {
    name: "grids",
    objects: ["distribution grids", "substations", "smart meters", "feeders"],
    users: ["grid operators", "utilities", "DSOs"],
    settings: ["low-voltage networks", "microgrids"],
    words: ["load", "voltage", "outage", "flexibility"],
  },
  {
    name: "buildings",
    objects: ["HVAC systems", "building envelopes", "heat pumps"],
    users: ["facility managers", "building owners", "architects"],
    settings: ["office buildings", "residential blocks"],
    words: ["comfort", "insulation", "occupancy", "retrofit"],
  },
  {
    name: "mobility",
    objects: ["vehicles", "traffic flows", "bus fleets"],
    users: ["transport authorities", "fleet operators", "commuters"],
    settings: ["urban roads", "city centres"],
    words: ["congestion", "routes", "travel", "parking"],
  },
  {
    name: "water",
    objects: ["water networks", "wastewater", "pipes and pumps"],
    users: ["water utilities", "municipalities"],
    settings: ["treatment plants", "sewer systems"],
    words: ["leakage", "pollutants", "sludge", "drinking"],
  },
  {
    name: "maritime",
    objects: ["vessels", "ship hulls", "port cranes"],
    users: ["ship owners", "port authorities", "shipyards"],
    settings: ["harbours", "offshore sites"],
    words: ["fuel", "berth", "cargo", "navigation"],
  },
  {
    name: "construction",
    objects: ["bridges", "concrete structures", "tunnels"],
    users: ["contractors", "structural engineers"],
    settings: ["construction sites", "infrastructure assets"],
    words: ["cracks", "concrete", "inspection", "asset"],
  },
  {
    name: "food",
    objects: ["food products", "packaging", "cold chains"],
    users: ["food processors", "retailers", "consumers"],
    settings: ["food plants", "supermarkets"],
    words: ["shelf life", "spoilage", "freshness", "contamination"],
  },
  {
    name: "aerospace",
    objects: ["aircraft components", "composite parts", "turbine blades"],
    users: ["airlines", "MRO providers", "aircraft manufacturers"],
    settings: ["hangars", "airports"],
    words: ["fatigue", "certification", "weight", "flight"],
  },
  {
    name: "forestry",
    objects: ["forests", "timber stands", "wood supply chains"],
    users: ["forest owners", "sawmills"],
    settings: ["forest stands", "remote woodland"],
    words: ["wildfire", "biomass", "logging", "trees"],
  },
  {
    name: "textiles",
    objects: ["garments", "fabrics", "fibres"],
    users: ["fashion brands", "textile mills"],
    settings: ["textile mills", "sorting centres"],
    words: ["dyeing", "yarn", "apparel", "weaving"],
  },
  {
    name: "mining",
    objects: ["ore deposits", "mine shafts", "tailings"],
    users: ["mining companies", "geologists"],
    settings: ["underground mines", "open pits"],
    words: ["drilling", "minerals", "blasting", "extraction"],
  },
  {
    name: "education",
    objects: ["curricula", "classrooms", "learning paths"],
    users: ["teachers", "pupils", "schools"],
    settings: ["secondary schools", "universities"],
    words: ["learners", "teaching", "assessment", "students"],
  },
  {
    name: "tourism",
    objects: ["cultural heritage sites", "visitor flows", "museum collections"],
    users: ["tour operators", "museums", "visitors"],
    settings: ["historic centres", "museums"],
    words: ["heritage", "visitors", "cultural", "tourists"],
  },
];

export const TECHNOLOGIES: Technology[] = [
  {
    name: "vision",
    names: ["computer vision", "image analysis", "camera-based inspection", "visual recognition"],
    verbs: ["detects defects in", "recognises", "inspects"],
    artefacts: ["convolutional neural networks", "annotated images", "high-resolution cameras"],
    words: ["images", "pixels", "cameras", "segmentation"],
  },
  {
    name: "monitoring",
    names: ["condition monitoring", "predictive maintenance", "failure prediction", "fault diagnosis"],
    verbs: ["anticipates failures of", "monitors the health of", "predicts breakdowns of"],
    artefacts: ["vibration signals", "acoustic emission", "remaining useful life estimates"],
    words: ["failures", "wear", "anomalies", "maintenance"],
  },
  {
    name: "twin",
    names: ["digital twin", "virtual replica", "physics-based simulation", "simulation model"],
    verbs: ["simulates", "mirrors in real time", "replicates virtually"],
    artefacts: ["finite element models", "what-if scenarios", "co-simulation"],
    words: ["simulation", "virtual", "scenarios", "calibration"],
  },
  {
    name: "robotics",
    names: ["collaborative robots", "cobots", "robotic arms", "autonomous mobile robots"],
    verbs: ["automates handling of", "manipulates", "assists workers with"],
    artefacts: ["grippers", "motion planning", "force control"],
    words: ["robot", "grasping", "manipulation", "automation"],
  },
  {
    name: "ledger",
    names: ["blockchain", "distributed ledger", "tamper-proof traceability", "smart contracts"],
    verbs: ["traces", "certifies the origin of", "records transactions about"],
    artefacts: ["smart contracts", "provenance records", "tokens"],
    words: ["ledger", "provenance", "trust", "transactions"],
  },
  {
    name: "sensing",
    names: ["wireless sensor networks", "IoT sensors", "low-power sensing nodes", "embedded sensors"],
    verbs: ["measures", "senses", "collects readings from"],
    artefacts: ["LoRaWAN gateways", "battery-free tags", "energy harvesting"],
    words: ["sensors", "wireless", "readings", "battery"],
  },
  {
    name: "additive",
    names: ["3D printing", "additive manufacturing", "laser powder bed fusion", "direct energy deposition"],
    verbs: ["prints", "produces on demand", "repairs by deposition"],
    artefacts: ["metal powders", "lattice structures", "printing parameters"],
    words: ["printing", "powder", "layers", "printed"],
  },
  {
    name: "storage",
    names: ["battery storage", "energy storage systems", "lithium-ion cells", "second-life batteries"],
    verbs: ["stores energy for", "buffers power for", "balances supply of"],
    artefacts: ["battery management systems", "state-of-charge estimation", "cell chemistry"],
    words: ["battery", "charge", "cells", "storage"],
  },
  {
    name: "xr",
    names: ["augmented reality", "mixed reality", "virtual reality", "head-mounted displays"],
    verbs: ["guides users through", "visualises", "overlays instructions on"],
    artefacts: ["3D overlays", "immersive training scenarios", "head-mounted displays"],
    words: ["immersive", "headset", "overlay", "visualisation"],
  },
  {
    name: "language",
    names: ["natural language processing", "conversational agents", "chatbots", "text mining"],
    verbs: ["answers questions about", "extracts knowledge from reports on", "summarises documents about"],
    artefacts: ["large language models", "annotated corpora", "dialogue management"],
    words: ["language", "text", "questions", "dialogue"],
  },
  {
    name: "security",
    names: ["intrusion detection", "cybersecurity monitoring", "network anomaly detection", "threat intelligence"],
    verbs: ["protects", "detects attacks on", "secures"],
    artefacts: ["honeypots", "threat models", "security information and event management"],
    words: ["attacks", "threats", "vulnerabilities", "security"],
  },
  {
    name: "optimisation",
    names: ["scheduling optimisation", "operations research", "route optimisation", "mixed-integer programming"],
    verbs: ["optimises the planning of", "schedules", "allocates resources for"],
    artefacts: ["metaheuristics", "solver", "constraint programming"],
    words: ["scheduling", "planning", "optimal", "constraints"],
  },
  {
    name: "biomaterials",
    names: ["bio-based materials", "biopolymers", "natural fibre composites", "biodegradable plastics"],
    verbs: ["replaces fossil plastics in", "reinforces", "coats"],
    artefacts: ["lignin", "cellulose nanofibres", "compounding"],
    words: ["biodegradable", "renewable", "polymer", "fibres"],
  },
  {
    name: "drones",
    names: ["drones", "UAV imagery", "satellite remote sensing", "aerial surveys"],
    verbs: ["maps", "surveys from above", "scans aerially"],
    artefacts: ["multispectral cameras", "photogrammetry", "flight planning"],
    words: ["aerial", "flights", "satellite", "mapping"],
  },
  {
    name: "edge",
    names: ["edge computing", "5G connectivity", "fog nodes", "edge AI"],
    verbs: ["processes data close to", "connects", "offloads computation for"],
    artefacts: ["network slicing", "containerised microservices", "low-latency links"],
    words: ["latency", "bandwidth", "network", "edge"],
  },
  {
    name: "circular",
    names: ["recycling", "circular economy", "material recovery", "remanufacturing"],
    verbs: ["recovers materials from", "recycles", "extends the life of"],
    artefacts: ["sorting lines", "material passports", "disassembly"],
    words: ["waste", "recovered", "recycled", "reuse"],
  },
];

export const GENERIC_SENTENCES = [
  "The solution is modular, scalable and easy to integrate with existing systems.",
  "It reduces operating costs and improves efficiency, in particular for SMEs.",
  "A user-friendly interface supports better decision making.",
  "The approach has a strong potential for replication across Europe.",
  "It contributes to sustainability and to the digital transition.",
  "Data are processed securely and in line with the GDPR.",
  "Open interfaces make the system interoperable with third-party tools.",
  "Early results show significant improvements compared to the state of the art.",
];

export const GENERIC_KEYWORDS = [
  "innovation",
  "sustainability",
  "digitalisation",
  "efficiency",
  "SMEs",
  "artificial intelligence",
];

export const RESULT_NOUNS = ["toolkit", "prototype", "service", "software", "system", "platform", "module", "method"];
export const RESULT_TYPES = [
  "software",
  "product",
  "service",
  "method",
  "platform",
  "dataset",
  "process",
  "prototype",
  "application",
  "training",
];

export const GENERIC_NEEDS = [
  "Investment and commercial partners to bring it to market.",
  "Funding for certification and further development.",
  "A business plan and support for IPR protection.",
  "Partners for commercialisation after the project ends.",
];
