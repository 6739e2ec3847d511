/**
 * Words that are frequent in project-result descriptions but say nothing about the topic.
 * Compared on the lower-cased surface form, before stemming.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `project projects result results outcome outcomes solution solutions new novel innovative innovation innovations
  approach approaches based develop developed developing development provide provides provided providing enable
  enables enabled enabling allow allows allowed also able well various different etc way ways main key specific
  partner partners consortium european eu h2020 horizon fp7 work package wp task deliverable deliverables objective
  objectives aim aims goal goals state art improve improved improving improvement help helps support supports
  supported include includes including offer offers offered exploitation exploit exploitable`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * A complementarity concept: what one result may need (`needs`, matched in its "needs" field) and
 * how another result may offer it (`offers`, matched in its title/description/USP/keywords, or its `types`).
 * Cues are plain phrases; they are stemmed with the same analyser as the texts.
 */
export interface Concept {
  id: string;
  label: string;
  needs: string[];
  offers: string[];
  types: string[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: "data",
    label: "data",
    needs: ["data", "dataset", "data set", "training data", "measurements", "annotated", "ground truth", "samples"],
    offers: [
      "dataset",
      "data set",
      "database",
      "data collection",
      "measurement campaign",
      "repository",
      "open data",
      "sensor data",
      "annotated",
      "corpus",
      "data lake",
      "monitoring data",
      "records",
      "samples",
      "biobank",
    ],
    types: ["dataset", "data"],
  },
  {
    id: "validation",
    label: "validation / testing",
    needs: [
      "validation",
      "validate",
      "test",
      "testing",
      "pilot",
      "trial",
      "demonstration",
      "real conditions",
      "real environment",
      "operational environment",
      "field",
      "end user feedback",
      "benchmark",
      "clinical study",
    ],
    offers: [
      "testbed",
      "test bed",
      "test facility",
      "test site",
      "pilot site",
      "pilot plant",
      "living lab",
      "demonstrator",
      "experimentation facility",
      "field trial",
      "laboratory",
      "test bench",
      "validation service",
      "benchmark",
      "clinical",
      "trial",
      "sandbox",
      "demonstration site",
      "digital twin",
    ],
    types: ["testbed", "infrastructure", "facility"],
  },
  {
    id: "platform",
    label: "platform / integration",
    needs: [
      "platform",
      "infrastructure",
      "integration",
      "integrate",
      "middleware",
      "interoperability",
      "cloud",
      "deployment",
      "hosting",
      "backend",
      "connectivity",
      "ecosystem",
    ],
    offers: [
      "platform",
      "middleware",
      "framework",
      "toolkit",
      "cloud",
      "infrastructure",
      "api",
      "open source",
      "marketplace",
      "ecosystem",
      "interoperable",
      "gateway",
      "software stack",
      "architecture",
    ],
    types: ["platform", "software", "infrastructure", "tool"],
  },
  {
    id: "application",
    label: "application / end users",
    needs: [
      "use case",
      "use cases",
      "application",
      "end user",
      "end users",
      "customer",
      "customers",
      "adopter",
      "early adopter",
      "user community",
      "market access",
      "launching customer",
      "demand",
      "operators",
    ],
    offers: [
      "application",
      "end user",
      "end users",
      "customers",
      "operators",
      "deployed",
      "users",
      "adopted",
      "user community",
      "use case",
      "service provider",
      "municipality",
      "hospital",
      "farmers",
      "factories",
    ],
    types: ["application", "service", "product", "app"],
  },
  {
    id: "method",
    label: "methods / algorithms",
    needs: [
      "algorithm",
      "algorithms",
      "method",
      "model",
      "modelling",
      "analytics",
      "artificial intelligence",
      "machine learning",
      "optimisation",
      "optimization",
      "simulation",
      "software",
      "tool",
      "expertise",
    ],
    offers: [
      "algorithm",
      "method",
      "methodology",
      "model",
      "analytics",
      "machine learning",
      "deep learning",
      "optimisation",
      "optimization",
      "simulation",
      "artificial intelligence",
      "know how",
      "toolbox",
      "software",
    ],
    types: ["method", "know-how", "methodology", "model", "algorithm", "software"],
  },
  {
    id: "hardware",
    label: "hardware / devices",
    needs: [
      "sensor",
      "sensors",
      "hardware",
      "device",
      "devices",
      "actuator",
      "robot",
      "component",
      "electronics",
      "instrument",
      "equipment",
      "prototype",
    ],
    offers: [
      "sensor",
      "sensors",
      "device",
      "hardware",
      "robot",
      "actuator",
      "prototype",
      "component",
      "chip",
      "instrument",
      "equipment",
      "wearable",
      "drone",
      "module",
    ],
    types: ["product", "hardware", "prototype", "device", "component"],
  },
  {
    id: "manufacturing",
    label: "manufacturing / scale-up",
    needs: [
      "manufacturing",
      "production",
      "scale up",
      "upscaling",
      "scaling up",
      "industrialisation",
      "industrialization",
      "mass production",
      "fabrication",
      "manufacturer",
      "supply chain",
      "supplier",
    ],
    offers: [
      "pilot line",
      "manufacturing",
      "production line",
      "fabrication",
      "foundry",
      "production facility",
      "manufacturer",
      "upscaling",
      "scale up",
      "supplier",
      "contract manufacturing",
    ],
    types: ["process", "facility"],
  },
  {
    id: "standards",
    label: "standards / certification",
    needs: [
      "standard",
      "standards",
      "standardisation",
      "standardization",
      "certification",
      "regulation",
      "regulatory",
      "compliance",
      "approval",
      "accreditation",
    ],
    offers: [
      "standard",
      "standards",
      "certification",
      "specification",
      "guideline",
      "guidelines",
      "regulatory",
      "compliance",
      "conformity",
      "pre-normative",
      "accredited",
    ],
    types: ["standard", "guideline", "policy"],
  },
  {
    id: "skills",
    label: "training / skills",
    needs: ["training", "skills", "education", "upskilling", "capacity building", "awareness", "staff", "literacy"],
    offers: [
      "training",
      "course",
      "courses",
      "curriculum",
      "education",
      "e-learning",
      "mooc",
      "workshop",
      "summer school",
      "teaching",
      "learning material",
    ],
    types: ["training", "education"],
  },
  {
    id: "business",
    label: "business / market",
    needs: [
      "business model",
      "investor",
      "investors",
      "investment",
      "commercialisation",
      "commercialization",
      "go to market",
      "exploitation partner",
      "distribution",
      "sales channel",
      "licensee",
      "spin off",
    ],
    offers: [
      "business model",
      "marketplace",
      "distribution",
      "commercial partner",
      "market access",
      "network",
      "incubator",
      "accelerator",
      "investment",
      "venture",
      "business support",
      "licensing",
    ],
    types: ["business", "consultancy"],
  },
];

/** Result types that fit together: an offer of the first kind serves a result of the second. */
export const TYPE_FIT: readonly [string[], string[]][] = [
  [
    ["platform", "software", "infrastructure", "tool", "middleware"],
    ["application", "service", "app", "product"],
  ],
  [
    ["method", "methodology", "algorithm", "model", "know-how"],
    ["dataset", "data"],
  ],
  [
    ["dataset", "data"],
    ["method", "methodology", "algorithm", "model", "software"],
  ],
  [
    ["hardware", "device", "component", "prototype"],
    ["software", "platform", "application", "service"],
  ],
  [
    ["testbed", "infrastructure", "facility"],
    ["product", "prototype", "process", "device", "hardware"],
  ],
  [
    ["training", "education"],
    ["method", "standard", "process", "software", "platform"],
  ],
];

/**
 * A topic of the domain lexicon: phrases that name the same thing in R&D result descriptions (synonyms,
 * abbreviations, spelling variants), and the broad area it belongs to. A result naming any of the phrases gets the
 * topic as a term of its own, so "AGV" and "automated guided vehicle" meet although they share no word.
 * Phrases are matched on reduced words (stems), like the texts. A phrase written in capitals ("AM", "OT") only
 * matches a word written in capitals, so short acronyms are not confused with ordinary words.
 * General Industry 4.0 and EU R&D vocabulary, not the words of any one workshop; extend it freely.
 */
export interface Topic {
  id: string;
  label: string;
  area: string;
  phrases: string[];
}

const topic = (area: string, id: string, label: string, phrases: string): Topic => ({
  id,
  label,
  area,
  phrases: phrases
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean),
});

export const TOPICS: readonly Topic[] = [
  // Digital technologies
  topic(
    "digital",
    "ai",
    "artificial intelligence",
    "AI, artificial intelligence, machine learning, ML, deep learning, neural network, neural networks, convolutional neural network, CNN, LSTM, transformer model, large language model, LLM, reinforcement learning, supervised learning, classifier, data-driven model",
  ),
  topic(
    "digital",
    "vision",
    "machine vision",
    "machine vision, computer vision, vision system, image processing, image analysis, object detection, visual inspection, camera-based, stereo camera, image recognition",
  ),
  topic(
    "digital",
    "iot",
    "IoT / sensors",
    "IoT, IIoT, internet of things, industrial internet of things, sensor network, wireless sensor, wireless sensors, smart sensor, smart sensors, connected device, connected devices, sensor node, LoRaWAN, NB-IoT, telemetry",
  ),
  topic(
    "digital",
    "edge",
    "edge / cloud computing",
    "edge computing, edge device, edge devices, fog computing, cloud computing, cloud platform, cloud-based, edge AI, TinyML, embedded AI, on-device",
  ),
  topic(
    "digital",
    "twin",
    "digital twin / simulation",
    "digital twin, digital twins, virtual twin, virtual replica, simulation model, virtual commissioning, discrete-event simulation, discrete event simulation, co-simulation, finite element, FEM, FEA, CFD, computational fluid dynamics, process simulation, virtual prototype",
  ),
  topic(
    "digital",
    "data-platform",
    "data spaces / interoperability",
    "data space, data spaces, Gaia-X, IDSA, international data spaces, interoperability, interoperable, OPC UA, OPC-UA, MQTT, asset administration shell, AAS, semantic model, ontology, ontologies, knowledge graph, data model, data models, open API, REST API",
  ),
  topic(
    "digital",
    "analytics",
    "analytics / big data",
    "big data, data analytics, advanced analytics, predictive analytics, time series, time-series, dashboard, dashboards, business intelligence, data mining, anomaly detection, outlier detection",
  ),
  topic(
    "digital",
    "arvr",
    "augmented / virtual reality",
    "AR, augmented reality, VR, virtual reality, mixed reality, XR, extended reality, head-mounted display, HMD, smart glasses, HoloLens, immersive",
  ),
  topic(
    "digital",
    "connectivity",
    "industrial connectivity / 5G",
    "5G, private 5G, campus network, TSN, time-sensitive networking, industrial ethernet, fieldbus, PROFINET, EtherCAT, Modbus, wireless connectivity, Wi-Fi 6",
  ),
  topic(
    "digital",
    "hpc",
    "high-performance / quantum computing",
    "HPC, high-performance computing, supercomputer, supercomputing, quantum computing, quantum computer, qubit, qubits",
  ),
  // Production and operations
  topic(
    "production",
    "pdm",
    "predictive maintenance / condition monitoring",
    "PdM, predictive maintenance, condition monitoring, condition-based maintenance, CBM, remaining useful life, RUL, prognostics, PHM, prognostics and health management, fault diagnosis, fault detection, failure prediction, vibration analysis, vibration monitoring, machine health, asset health, run-to-failure",
  ),
  topic(
    "production",
    "maintenance",
    "maintenance",
    "maintenance, maintenance rounds, repair and maintenance, MRO, service technician, service technicians, field service, field technicians, technician, technicians, breakdown, downtime",
  ),
  topic(
    "production",
    "quality",
    "quality control / inspection",
    "quality control, quality inspection, quality assurance, inline inspection, in-line inspection, inline measurement, defect detection, zero defect, zero-defect, SPC, statistical process control, NDT, non-destructive testing, non-destructive inspection, metrology, PAT, process analytical technology, inspection system, scrap rate",
  ),
  topic(
    "production",
    "mes",
    "MES / ERP / PLM systems",
    "MES, manufacturing execution system, ERP, enterprise resource planning, PLM, product lifecycle management, SCADA system, CMMS, WMS, warehouse management system, APS, advanced planning and scheduling, bill of materials, BOM",
  ),
  topic(
    "production",
    "scheduling",
    "production planning / scheduling",
    "scheduling, scheduler, production planning, production scheduling, capacity planning, job shop, sequencing, dispatching, lot sizing, order release",
  ),
  topic(
    "production",
    "kpi",
    "KPIs / lean / OEE",
    "KPI, KPIs, key performance indicator, key performance indicators, OEE, overall equipment effectiveness, lean, lean manufacturing, six sigma, kaizen, value stream, value stream mapping, cycle time, throughput, takt time",
  ),
  topic(
    "production",
    "machining",
    "machining / machine tools",
    "machining, machine tool, machine tools, CNC, milling, turning, drilling, grinding, spindle, cutting tool, cutting tools, machining centre, machining center",
  ),
  topic(
    "production",
    "forming",
    "forming / joining / moulding",
    "welding, weld, casting, foundry, forging, stamping, sheet metal, extrusion, injection moulding, injection molding, moulding, molding, thermoforming, laser cutting, joining, brazing, soldering",
  ),
  topic(
    "production",
    "am",
    "additive manufacturing / 3D printing",
    "AM, additive manufacturing, additively manufactured, 3D printing, 3D printed, 3D-printed, 3D printer, 3D printers, L-PBF, LPBF, laser powder bed fusion, powder bed fusion, PBF, SLM, selective laser melting, SLS, selective laser sintering, EBM, electron beam melting, DED, directed energy deposition, WAAM, wire arc additive manufacturing, FFF, fused filament fabrication, FDM, fused deposition modelling, fused deposition modeling, binder jetting, stereolithography, SLA, DfAM, design for additive manufacturing",
  ),
  topic(
    "production",
    "assembly",
    "assembly",
    "assembly, assembly line, assembly lines, assembly station, assembly stations, assembly cell",
  ),
  topic(
    "production",
    "process-industry",
    "process industry",
    "process industry, process industries, chemical plant, chemical plants, refinery, batch process, continuous process, process control, DCS, distributed control system, reactor",
  ),
  // Robotics and logistics
  topic(
    "robotics",
    "robot",
    "industrial robots",
    "robot, robots, robotic, robotics, industrial robot, industrial robots, robot arm, robotic arm, manipulator, manipulators, robot cell, robot programming, end effector, end-effector, gripper, grippers, gripping, grasping, pick-and-place, pick and place, bin picking",
  ),
  topic(
    "robotics",
    "cobot",
    "collaborative robots",
    "cobot, cobots, collaborative robot, collaborative robots, collaborative robotics, human-robot collaboration, human robot collaboration, HRC, HRI, human-robot interaction, power and force limiting, speed and separation monitoring, ISO/TS 15066, fenceless",
  ),
  topic(
    "robotics",
    "mobile-robot",
    "AGVs / mobile robots",
    "AGV, AGVs, automated guided vehicle, automated guided vehicles, AMR, AMRs, autonomous mobile robot, autonomous mobile robots, mobile robot, mobile robots, mobile manipulator, driverless transport, autonomous forklift, automated forklift, SLAM",
  ),
  topic(
    "robotics",
    "drone",
    "drones / UAVs",
    "drone, drones, UAV, UAVs, unmanned aerial vehicle, unmanned aerial vehicles, UAS, quadcopter, multicopter",
  ),
  topic(
    "logistics",
    "intralogistics",
    "intralogistics / warehousing",
    "intralogistics, internal logistics, material flow, material handling, warehouse, warehouses, warehousing, order picking, pick-by-voice, palletising, palletizing, storage and retrieval, AS/RS, distribution centre, distribution center",
  ),
  topic(
    "logistics",
    "logistics",
    "logistics / transport",
    "logistics, logistic, freight, shipment, shipments, shipping, last mile, last-mile, route optimisation, route optimization, cold chain, 3PL, logistics service provider, cross-docking, parcel, parcels",
  ),
  topic(
    "logistics",
    "supply-chain",
    "supply chain",
    "supply chain, supply chains, supplier, suppliers, procurement, sourcing, purchasing, inventory, inventories, demand forecasting, value chain",
  ),
  topic(
    "logistics",
    "traceability",
    "traceability / provenance",
    "traceability, traceable, track and trace, track & trace, tracking and tracing, provenance, chain of custody, proof of origin, country of origin, due diligence, EPCIS, serialisation, serialization, anti-counterfeiting, counterfeit, counterfeiting, authenticity",
  ),
  topic(
    "logistics",
    "tagging",
    "tags / identifiers",
    "RFID, NFC, QR code, QR codes, barcode, barcodes, GS1, UID, data carrier, smart label, smart labels",
  ),
  topic(
    "digital",
    "blockchain",
    "blockchain / distributed ledger",
    "blockchain, blockchains, distributed ledger, distributed ledgers, DLT, ledger, smart contract, smart contracts, Hyperledger, Ethereum, tokenisation, tokenization, NFT, self-sovereign identity, SSI, verifiable credential, verifiable credentials",
  ),
  // Security
  topic(
    "security",
    "cyber",
    "cybersecurity",
    "cybersecurity, cyber security, cyber-security, information security, security posture, cyberattack, cyber attack, cyber attacks, cyber-attacks, intrusion detection, IDS, intrusion prevention, malware, ransomware, phishing, vulnerability, vulnerabilities, penetration testing, pentest, threat detection, threat intelligence, SIEM, security operations centre, firewall, zero trust, encryption, authentication, access control, botnet, botnets",
  ),
  topic(
    "security",
    "ot-security",
    "OT / ICS security",
    "OT security, OT, operational technology, ICS, industrial control system, industrial control systems, SCADA, PLC, PLCs, programmable logic controller, programmable logic controllers, HMI, HMIs, IEC 62443, NIS2, industrial cybersecurity, control system security",
  ),
  topic(
    "security",
    "safety",
    "functional safety",
    "functional safety, safety integrity level, SIL, performance level, ISO 13849, IEC 61508, machinery directive, machinery regulation, risk assessment, hazard analysis, HAZOP, safety case",
  ),
  // Energy and environment
  topic(
    "energy",
    "energy-mgmt",
    "energy management / efficiency",
    "energy management, energy management system, EnMS, ISO 50001, energy efficiency, energy-efficient, energy efficient, energy saving, energy savings, energy consumption, energy monitoring, energy audit, energy audits, power consumption, electricity consumption, load monitoring, NILM, non-intrusive load monitoring, submetering, sub-metering, smart meter, smart meters, energy flexibility, demand response, demand-side management, peak shaving, load shifting",
  ),
  topic(
    "energy",
    "heat",
    "heat / HVAC",
    "heat pump, heat pumps, waste heat, heat recovery, process heat, district heating, HVAC, heating, ventilation and air conditioning, cooling, chiller, chillers, boiler, boilers, steam, thermal storage, heat exchanger",
  ),
  topic(
    "energy",
    "renewables",
    "renewable energy / storage",
    "renewable energy, renewables, PV, photovoltaic, photovoltaics, solar, wind, wind turbine, wind turbines, energy storage, battery storage, hydrogen, electrolyser, electrolyzer, fuel cell, fuel cells, microgrid, smart grid, grid balancing",
  ),
  topic(
    "energy",
    "batteries",
    "batteries",
    "battery, batteries, lithium-ion, Li-ion, battery cell, battery cells, battery pack, battery packs, state of health, SoH, state of charge, battery management system, second-life battery, second-life batteries, traction battery, traction batteries, EV battery, EV batteries, cathode, anode, solid-state battery",
  ),
  topic(
    "energy",
    "emobility",
    "electric mobility",
    "electric vehicle, electric vehicles, EV, EVs, e-mobility, electromobility, charging station, charging stations, charging infrastructure, vehicle-to-grid, V2G",
  ),
  topic(
    "energy",
    "decarbonisation",
    "decarbonisation / emissions",
    "decarbonisation, decarbonization, net zero, net-zero, carbon neutral, carbon neutrality, low-carbon, CO2 emissions, GHG, greenhouse gas, greenhouse gases, emissions, carbon footprint, Scope 3, carbon capture, CCUS, CCS",
  ),
  topic(
    "environment",
    "lca",
    "life-cycle assessment",
    "LCA, life cycle assessment, life-cycle assessment, life cycle analysis, LCC, life cycle costing, life-cycle costing, environmental footprint, PEF, product environmental footprint, EPD, environmental product declaration, eco-design, ecodesign, eco design, environmental impact, environmental impacts",
  ),
  topic(
    "environment",
    "circular",
    "circular economy / recycling",
    "circular economy, circularity, circular, recycling, recycled, recycle, recyclable, recyclability, recycler, recyclers, upcycling, downcycling, reuse, re-use, reused, remanufacturing, remanufactured, refurbishment, refurbished, repair, repairability, reparability, right to repair, second life, second-life, end of life, end-of-life, EoL, take-back, closed loop, closed-loop, secondary raw materials, waste valorisation, waste valorization, by-products",
  ),
  topic(
    "environment",
    "dpp",
    "digital product passport",
    "digital product passport, digital product passports, DPP, DPPs, product passport, product passports, battery passport, material passport, ESPR, ecodesign for sustainable products regulation",
  ),
  topic(
    "environment",
    "water",
    "water management",
    "water network, water networks, water distribution, drinking water, water utility, water utilities, wastewater, waste water, leak detection, leakage, non-revenue water, hydraulic model, hydraulic models, water treatment, desalination",
  ),
  topic(
    "environment",
    "biobased",
    "bio-based materials / biotech",
    "bio-based, biobased, bioplastic, bioplastics, biopolymer, biopolymers, biodegradable, compostable, biomass, biorefinery, lignin, cellulose, nanocellulose, fermentation, enzyme, enzymes, enzymatic, biocatalysis, bioprocess, microorganisms",
  ),
  topic(
    "environment",
    "packaging",
    "packaging",
    "packaging, packagings, package design, barrier coating, barrier coatings, food contact",
  ),
  // Sectors
  topic(
    "sector",
    "food",
    "food processing / safety",
    "food, foods, foodstuff, foodstuffs, agri-food, agrifood, food processing, food industry, food safety, food quality, food waste, HACCP, shelf life, shelf-life, spoilage, pathogen, pathogens, Listeria, Salmonella, E. coli, microbiological, microbiology, meat, poultry, dairy, cheese, fresh produce, beverage, beverages, bakery",
  ),
  topic(
    "sector",
    "agri",
    "agriculture / farming",
    "agriculture, agricultural, farming, farm, farms, farmer, farmers, crop, crops, precision agriculture, precision farming, smart farming, livestock, irrigation, agronomic, agronomy, yield, harvest, harvesting, vineyard, vineyards, orchard, orchards, greenhouse, greenhouses, fertiliser, fertilizer, pesticide, pesticides",
  ),
  topic(
    "sector",
    "eo",
    "Earth observation / remote sensing",
    "remote sensing, Earth observation, EO, satellite, satellites, satellite imagery, Copernicus, Sentinel, Sentinel-1, Sentinel-2, aerial imagery, orthophoto, orthophotos",
  ),
  topic(
    "sector",
    "spectral",
    "spectral sensing",
    "spectroscopy, spectroscopic, spectral, NIR, near-infrared, near infrared, hyperspectral, multispectral, Raman, FTIR, infrared, XRF, X-ray fluorescence, spectrometer, spectrometers",
  ),
  topic(
    "sector",
    "textile",
    "textiles / apparel",
    "textile, textiles, garment, garments, apparel, clothing, clothes, fashion, fabric, fabrics, fibre, fibres, fiber, fibers, yarn, yarns, cotton, polyester, denim, wool, spinning, weaving, knitting, dyeing, dyes, post-consumer textiles",
  ),
  topic(
    "sector",
    "construction",
    "construction / buildings",
    "construction, construction site, construction sites, building site, building sites, construction industry, contractor, contractors, general contractor, architect, architects, civil engineering, renovation, retrofit, retrofitting, building permit, building codes, building code, prefabrication, prefabricated, modular construction, facade, facades, buildings",
  ),
  topic(
    "sector",
    "bim",
    "BIM",
    "BIM, building information modelling, building information modeling, building information model, IFC, industry foundation classes, 4D BIM, 5D BIM, Revit, common data environment, CDE, clash detection, scan-to-BIM",
  ),
  topic(
    "sector",
    "reality-capture",
    "3D scanning / point clouds",
    "point cloud, point clouds, laser scanning, laser scanner, terrestrial laser scanning, LiDAR, photogrammetry, 3D scanning, 3D scan, 3D scans, reality capture",
  ),
  topic(
    "sector",
    "meddev",
    "medical devices",
    "medical device, medical devices, medical technology, medtech, MDR, IVDR, medical device regulation, ISO 13485, CE marking, CE mark, notified body, FDA, 510(k), implant, implants, implantable, catheter, catheters, stent, stents, prosthesis, prostheses, orthosis, surgical, surgery, surgeon, surgeons, sterilisation, sterilization, sterile, biocompatible, biocompatibility, post-market surveillance",
  ),
  topic(
    "sector",
    "health",
    "health care",
    "health, healthcare, health care, patient, patients, hospital, hospitals, clinical, clinician, clinicians, nurse, nurses, telemedicine, telehealth, telemonitoring, eHealth, mHealth, remote patient monitoring, diagnosis, diagnostic, therapy, chronic disease, cardiology, ECG, EEG",
  ),
  topic(
    "sector",
    "qms",
    "quality management / compliance",
    "quality management, quality management system, QMS, eQMS, ISO 9001, CAPA, corrective and preventive action, non-conformance, nonconformity, audit trail, GMP, good manufacturing practice, IQ/OQ/PQ, process validation, design history file, regulatory compliance, conformity assessment",
  ),
  topic(
    "sector",
    "automotive",
    "automotive",
    "automotive, car, cars, vehicle manufacturer, OEM, OEMs, powertrain, tier-1 supplier",
  ),
  topic(
    "sector",
    "aerospace",
    "aerospace",
    "aerospace, aircraft, aeronautics, aviation, airframe, space, satellite manufacturing",
  ),
  // People and work
  topic(
    "people",
    "ergonomics",
    "ergonomics / human factors",
    "ergonomics, ergonomic, human factors, human factor, musculoskeletal disorders, musculoskeletal, MSD, MSDs, WMSD, WMSDs, posture, postures, RULA, REBA, NIOSH, OWAS, manual handling, manual material handling, physical strain, physical workload, fatigue, exoskeleton, exoskeletons, exosuit, exosuits, digital human model, digital human models, DHM, anthropometric, anthropometry",
  ),
  topic(
    "people",
    "cognition",
    "cognitive load / operator support",
    "cognitive load, mental workload, mental load, workload, cognitive ergonomics, situational awareness, eye tracking, eye-tracking, heart rate variability, HRV, stress, operator 4.0, worker assistance, operator assistance, assistance system, assistance systems, work instructions, digital work instructions",
  ),
  topic(
    "people",
    "wearables",
    "wearables",
    "wearable, wearables, wearable sensor, wearable sensors, IMU, IMUs, inertial measurement unit, inertial measurement units, inertial sensors, smartwatch, smartwatches, smart textiles, body-worn",
  ),
  topic(
    "people",
    "skills",
    "skills / education",
    "skills, upskilling, reskilling, training, trainings, education, educational, curriculum, curricula, course, courses, e-learning, MOOC, teacher, teachers, school, schools, pupils, students, vocational, VET, learning factory, serious game, serious games",
  ),
  topic(
    "people",
    "sme",
    "SMEs",
    "SME, SMEs, small and medium-sized enterprises, small and medium enterprises, small companies, small firms, small businesses, microenterprises, start-ups, startups",
  ),
  topic(
    "people",
    "citizens",
    "citizens / society",
    "citizen, citizens, citizen science, volunteers, volunteer, community, communities, public engagement, social innovation, inclusion, migrants, migration, cultural heritage, heritage, museum, museums",
  ),
];
